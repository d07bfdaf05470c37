package com.subscriptions.profiling.control;

import com.subscriptions.audit.control.AuditTrail;
import com.subscriptions.platform.control.Caller;
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

    public SlowQueryList threshold(long milliseconds, Caller caller) {
        slowQueries.thresholdMs(milliseconds);
        audit.record("slow_query_threshold", "threshold_ms=" + milliseconds, caller);
        return list();
    }
}
