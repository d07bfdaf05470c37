package com.subscriptions.admin.control;

import com.subscriptions.platform.control.AuditTrail;
import com.subscriptions.platform.control.ClientInfo;
import com.subscriptions.platform.control.SlowQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/** The admin's view of the slow query list, and its threshold; a change is audited. */
@ApplicationScoped
public class SlowQueryAdministration {

    /** The threshold and the newest slow statements first. */
    public record SlowQueryList(long thresholdMs, List<SlowQueries.SlowQuery> queries) {
    }

    @Inject
    SlowQueries slowQueries;

    @Inject
    AuditTrail audit;

    public SlowQueryList list() {
        return new SlowQueryList(slowQueries.thresholdMs(), slowQueries.newestFirst());
    }

    public SlowQueryList threshold(long milliseconds, long actorId, String actor, ClientInfo client) {
        slowQueries.thresholdMs(milliseconds);
        audit.record("slow_query_threshold", actorId, actor, "threshold_ms=" + milliseconds, client);
        return list();
    }
}
