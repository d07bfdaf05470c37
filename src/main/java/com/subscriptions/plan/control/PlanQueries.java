package com.subscriptions.plan.control;

import com.subscriptions.paging.control.Cursor;
import com.subscriptions.paging.control.JpqlQueries;
import com.subscriptions.paging.control.Page;
import com.subscriptions.paging.control.PageRequest;
import com.subscriptions.paging.control.PagedQuery;
import com.subscriptions.plan.entity.BillingInterval;
import com.subscriptions.plan.entity.PlanStatus;
import com.subscriptions.platform.control.Times;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * v3's plan queries: selected columns through JPQL (no entity), one statement a read. {@link CachedPlanReads} puts
 * the caches in front of them; called directly, they touch no cache. Typed to this class alone, so that it is not
 * one more {@link PlanReads} bean besides the versions' strategies.
 */
@ApplicationScoped
@Typed(PlanQueries.class)
public class PlanQueries implements PlanReads {

    /** The plan's attributes a view reads, each selected under its own name; by id and the list alike. */
    private static final List<String> ATTRIBUTES = List.of("id", "name", "description", "price", "currency",
            "interval", "durationMonths", "features", "status", "isPublic", "maxUsers", "parentId", "sortOrder",
            "trialDays", "createdAt", "updatedAt");
    static final String COLUMNS = ATTRIBUTES.stream().map(a -> "p." + a + " AS " + a)
            .collect(Collectors.joining(", "));

    @PersistenceContext
    EntityManager em;

    @Override
    public Page<PlanView> list(PlanFilter filter, PageRequest page) {
        PagedQuery query = PagedQuery.select(COLUMNS, "SubscriptionPlan", "p")
                .orderBy("p.sortOrder", "p.id", false, cursor -> cursor.key(Integer.class));
        if (filter.publicOnly()) {
            query.where("p.isPublic = TRUE");
        }
        if (filter.status() != null) {
            query.where("p.status = ?", filter.status());
        }
        return JpqlQueries.page(em, query, page, Map.of(), PlanQueries::view,
                row -> Cursor.of(row.get("sortOrder", Integer.class), row.get("id", Long.class)));
    }

    @Override
    public Optional<PlanView> byId(long id) {
        return JpqlQueries.prepare(em, "SELECT " + COLUMNS + " FROM SubscriptionPlan p WHERE p.id = ?",
                List.of(id), Tuple.class).getResultStream().findFirst().map(PlanQueries::view);
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
