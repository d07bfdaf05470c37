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

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * v3's plan queries: selected columns through JPQL (no entity), one statement a read. {@link CachedPlanReads} puts
 * the caches in front of them; called directly, they touch no cache. Typed to this class alone, so that it is not
 * one more {@link PlanReads} bean besides the versions' strategies.
 */
@ApplicationScoped
@Typed(PlanQueries.class)
public class PlanQueries implements PlanReads {

    /** The plan's attributes in {@link PlanView}'s order; the plan-by-id query and the list select them alike. */
    static final String COLUMNS = "p.id, p.name, p.description, p.price, p.currency, p.interval, p.durationMonths, "
            + "p.features, p.status, p.isPublic, p.maxUsers, p.parentId, p.sortOrder, p.trialDays, p.createdAt, "
            + "p.updatedAt";

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
                row -> Cursor.of((Integer) row[12], (Long) row[0]));
    }

    @Override
    public Optional<PlanView> byId(long id) {
        List<?> rows = JpqlQueries.prepare(em, "SELECT " + COLUMNS + " FROM SubscriptionPlan p WHERE p.id = ?",
                List.of(id)).getResultList();
        return rows.stream().findFirst().map(row -> view((Object[]) row));
    }

    /** A row of {@link #COLUMNS} (and, in a list, the total after them). */
    static PlanView view(Object[] row) {
        return new PlanView((Long) row[0], (String) row[1], (String) row[2], (BigDecimal) row[3], (String) row[4],
                ((BillingInterval) row[5]).value(), (Integer) row[6], (JsonObject) row[7],
                ((PlanStatus) row[8]).value(), (Boolean) row[9], (Integer) row[10], (Long) row[11],
                (Integer) row[12], (Integer) row[13], Times.seconds((Instant) row[14]),
                Times.seconds((Instant) row[15]));
    }
}
