package com.subscriptions.plan.control;

import com.subscriptions.plan.entity.BillingInterval;
import com.subscriptions.plan.entity.PlanStatus;
import com.subscriptions.versioning.control.ApiVersion;
import com.subscriptions.paging.control.Cursor;
import com.subscriptions.paging.control.JpqlQueries;
import com.subscriptions.paging.control.Page;
import com.subscriptions.paging.control.PageRequest;
import com.subscriptions.paging.control.PagedQuery;
import com.subscriptions.caching.control.ReadCaches;
import com.subscriptions.versioning.control.ReadStrategy;
import com.subscriptions.platform.control.Times;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Tuple;

import javax.cache.annotation.CacheResult;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * v3: plans read as selected columns through JPQL (no entity, one statement a read), behind JCache. Every plan
 * write clears both plan caches after its commit.
 */
@ApplicationScoped
@ReadStrategy(ApiVersion.V3)
public class CachedPlanReads implements PlanReads {

    /** The plan's attributes a view reads, each selected under its own name; by id and the list alike. */
    private static final List<String> ATTRIBUTES = List.of("id", "name", "description", "price", "currency",
            "interval", "durationMonths", "features", "status", "isPublic", "maxUsers", "parentId", "sortOrder",
            "trialDays", "createdAt", "updatedAt");
    static final String COLUMNS = ATTRIBUTES.stream().map(a -> "p." + a + " AS " + a)
            .collect(Collectors.joining(", "));

    @PersistenceContext
    EntityManager em;

    @Inject
    ReadCaches caches;

    @Override
    @CacheResult(cacheName = ReadCaches.PLAN_PAGES, cacheResolverFactory = ReadCaches.Resolver.class,
            cacheKeyGenerator = ReadCaches.Keys.class)
    public Page<PlanView> list(PlanFilter filter, PageRequest page) {
        PagedQuery query = PagedQuery.select(COLUMNS, "SubscriptionPlan", "p")
                .orderBy("p.sortOrder", "p.id", false, cursor -> cursor.key(Integer.class));
        if (filter.publicOnly()) {
            query.where("p.isPublic = TRUE");
        }
        if (filter.status() != null) {
            query.where("p.status = ?", filter.status());
        }
        return JpqlQueries.page(em, query, page, Map.of(), CachedPlanReads::view,
                row -> Cursor.of(row.get("sortOrder", Integer.class), row.get("id", Long.class)));
    }

    @Override
    @CacheResult(cacheName = ReadCaches.PLANS, cacheResolverFactory = ReadCaches.Resolver.class,
            cacheKeyGenerator = ReadCaches.Keys.class)
    public Optional<PlanView> byId(long id) {
        return JpqlQueries.prepare(em, "SELECT " + COLUMNS + " FROM SubscriptionPlan p WHERE p.id = ?",
                List.of(id), Tuple.class).getResultStream().findFirst().map(CachedPlanReads::view);
    }

    void clearAfterPlanWrites(@Observes(during = TransactionPhase.AFTER_SUCCESS) PlansChanged change) {
        caches.clear(ReadCaches.PLANS);
        caches.clear(ReadCaches.PLAN_PAGES);
    }

    /** A row of {@link #COLUMNS}, read by alias. */
    static PlanView view(Tuple row) {
        return new PlanView(row.get("id", Long.class), row.get("name", String.class),
                row.get("description", String.class), row.get("price", BigDecimal.class),
                row.get("currency", String.class), row.get("interval", BillingInterval.class).value(),
                row.get("durationMonths", Integer.class), row.get("features", JsonObject.class),
                row.get("status", PlanStatus.class).value(), row.get("isPublic", Boolean.class),
                row.get("maxUsers", Integer.class), row.get("parentId", Long.class),
                row.get("sortOrder", Integer.class), row.get("trialDays", Integer.class),
                Times.seconds(row.get("createdAt", Instant.class)), Times.seconds(row.get("updatedAt", Instant.class)));
    }
}
