package com.subscriptions.queryplan.control;

import com.subscriptions.paging.control.PageRequest;
import com.subscriptions.plan.control.PlanFilter;
import com.subscriptions.plan.control.PlanReads;
import com.subscriptions.profiling.control.QueryPlans;
import com.subscriptions.profiling.control.StatementLog;
import com.subscriptions.subscription.control.HistoryFilter;
import com.subscriptions.subscription.control.SubscriptionDefinitions;
import com.subscriptions.subscription.control.SubscriptionReads;
import com.subscriptions.versioning.control.ApiVersion;
import com.subscriptions.versioning.control.ReadStrategies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The named read queries of each API version, run on the live database for one user and explained: what each
 * version sends for each read, and the plan the database chooses for it. Each version's reads run
 * {@linkplain SubscriptionReads#uncached() without their caches}: v3's statements are those of a cache miss, and its
 * caches are neither read, filled nor emptied (explaining changes no state).
 */
@ApplicationScoped
public class ReadQueryPlans {

    /** One named read of one version: its statements, each with its plan. */
    public record ExplainedRead(String version, String name, List<ExplainedStatement> statements) {
    }

    /** A statement and the database's EXPLAIN rows for it. */
    public record ExplainedStatement(String sql, List<Map<String, Object>> plan) {
    }

    private static final HistoryFilter WHOLE_HISTORY = new HistoryFilter(List.of(), null, null);
    private static final PageRequest FIRST_PAGE = PageRequest.offset(1, PageRequest.DEFAULT_PER_PAGE);

    @Inject
    ReadStrategies strategies;

    @Inject
    QueryPlans plans;

    public List<ExplainedRead> explain(long userId, long planId) {
        Map<String, BiConsumer<PlanReads, SubscriptionReads>> named = new LinkedHashMap<>();
        named.put("plan list", (p, s) -> p.list(new PlanFilter(null, true), FIRST_PAGE));
        named.put("plan by id", (p, s) -> p.byId(planId));
        named.put("active subscription", (p, s) -> s.active(userId));
        named.put("history page 1", (p, s) -> s.history(userId, WHOLE_HISTORY, FIRST_PAGE));
        named.put("history page 1 (keyset)", (p, s) -> s.history(userId, WHOLE_HISTORY,
                PageRequest.after(null, PageRequest.DEFAULT_PER_PAGE)));
        named.put("events page 1", (p, s) -> s.events(userId, FIRST_PAGE));
        named.put("expiring in " + SubscriptionDefinitions.EXPIRING_SOON_DAYS + " days",
                (p, s) -> s.expiring(SubscriptionDefinitions.EXPIRING_SOON_DAYS, FIRST_PAGE));
        named.put("stats", (p, s) -> s.stats());
        List<ExplainedRead> explained = new ArrayList<>();
        for (ApiVersion version : ApiVersion.values()) {
            PlanReads planReads = strategies.of(PlanReads.class, version).uncached();
            SubscriptionReads subscriptionReads = strategies.of(SubscriptionReads.class, version).uncached();
            named.forEach((name, read) -> {
                StatementLog log = StatementLog.during(() -> read.accept(planReads, subscriptionReads));
                explained.add(new ExplainedRead(version.segment(), name, log.statements().stream()
                        .map(s -> new ExplainedStatement(s.sql(), plans.explain(s))).toList()));
            });
        }
        return explained;
    }
}
