package com.subscriptions.plan.control;

import com.subscriptions.caching.control.ReadCaches;
import com.subscriptions.paging.control.Page;
import com.subscriptions.paging.control.PageRequest;
import com.subscriptions.versioning.control.ApiVersion;
import com.subscriptions.versioning.control.ReadStrategy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import java.util.Optional;

/**
 * v3: plans read through {@link PlanQueries} (selected columns through JPQL, one statement a read), behind the read caches.
 * Every plan write clears both plan caches after its commit.
 */
@ApplicationScoped
@ReadStrategy(ApiVersion.V3)
public class CachedPlanReads implements PlanReads {

    @Inject
    PlanQueries queries;

    @Inject
    ReadCaches caches;

    @Override
    public Page<PlanView> list(PlanFilter filter, PageRequest page) {
        return caches.read(ReadCaches.PLAN_PAGES, () -> queries.list(filter, page), filter, page);
    }

    @Override
    public Optional<PlanView> byId(long id) {
        return caches.read(ReadCaches.PLANS, () -> queries.byId(id), id);
    }

    /** The queries the caches call on a miss. */
    @Override
    public PlanReads uncached() {
        return queries;
    }

    void clearAfterPlanWrites(@Observes(during = TransactionPhase.AFTER_SUCCESS) PlansChanged change) {
        caches.clear(ReadCaches.PLANS);
        caches.clear(ReadCaches.PLAN_PAGES);
    }
}
