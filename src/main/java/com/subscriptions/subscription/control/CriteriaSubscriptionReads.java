package com.subscriptions.subscription.control;

import com.subscriptions.paging.control.CriteriaPaging;
import com.subscriptions.paging.control.Cursor;
import com.subscriptions.paging.control.Page;
import com.subscriptions.paging.control.PageRequest;
import com.subscriptions.subscription.entity.SubscriptionEvent;
import com.subscriptions.subscription.entity.UserSubscription;
import com.subscriptions.versioning.control.ApiVersion;
import com.subscriptions.versioning.control.ReadStrategy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Selection;
import jakarta.persistence.criteria.Subquery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * v1: subscriptions read through JPA Criteria queries. The plans are fetched in the same statement (no N+1);
 * a list costs the count and the page.
 */
@ApplicationScoped
@ReadStrategy(ApiVersion.V1)
public class CriteriaSubscriptionReads implements SubscriptionReads {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Override
    public Optional<SubscriptionView> active(long userId) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<UserSubscription> query = cb.createQuery(UserSubscription.class);
        Root<UserSubscription> s = query.from(UserSubscription.class);
        withPlans(s);
        Instant now = clock.instant();
        query.where(cb.equal(s.get("userId"), userId),
                SubscriptionDefinitions.live(cb, s),
                SubscriptionDefinitions.inPeriod(cb, s, now));
        return em.createQuery(query).setMaxResults(1).getResultStream().findFirst().map(SubscriptionView::of);
    }

    @Override
    public Page<SubscriptionView> history(long userId, HistoryFilter filter, PageRequest page) {
        return CriteriaPaging.of(em, UserSubscription.class)
                .where((cb, s) -> {
                    List<Predicate> where = new ArrayList<>(4);
                    where.add(cb.equal(s.get("userId"), userId));
                    if (!filter.statuses().isEmpty()) {
                        where.add(s.get("status").in(filter.statuses()));
                    }
                    if (filter.from() != null) {
                        where.add(cb.greaterThanOrEqualTo(s.get("createdAt"), filter.from()));
                    }
                    if (filter.to() != null) {
                        where.add(cb.lessThanOrEqualTo(s.get("createdAt"), filter.to()));
                    }
                    return where;
                })
                .sortedBy("createdAt", true)
                .fetching(CriteriaSubscriptionReads::withPlans)
                .page(page, SubscriptionView::of, s -> Cursor.of(s.createdAt(), s.id()));
    }

    @Override
    public Page<EventView> events(long userId, PageRequest page) {
        return CriteriaPaging.of(em, SubscriptionEvent.class)
                .where((cb, e) -> List.of(cb.equal(e.get("userId"), userId)))
                .sortedBy("createdAt", true)
                .page(page, EventView::of, e -> Cursor.of(e.createdAt(), e.id()));
    }

    @Override
    public Page<ExpiringSubscription> expiring(int days, PageRequest page) {
        Instant now = clock.instant();
        Instant until = SubscriptionDefinitions.expiringUntil(now, days);
        return CriteriaPaging.of(em, UserSubscription.class)
                .where((cb, s) -> List.of(SubscriptionDefinitions.endingWithoutRenewal(cb, s, now, until)))
                .totalAs((cb, count) -> SubscriptionDefinitions.expression(cb, count,
                        SubscriptionDefinitions.endingWithoutRenewalCounted(cb, now, until)))
                .sortedBy("currentPeriodEnd", false)
                .fetching(s -> {
                    withPlans(s);
                    s.fetch("user");
                })
                .page(page, ExpiringSubscription::of, s -> Cursor.of(s.currentPeriodEnd(), s.id()));
    }

    /** The five figures from the counts the database keeps, as subqueries of one statement. */
    @Override
    public SubscriptionStats stats() {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Tuple> query = cb.createTupleQuery();
        List<Selection<?>> selected = new ArrayList<>();
        SubscriptionDefinitions.stats(cb, clock.instant()).forEach((alias, figure) ->
                selected.add(SubscriptionDefinitions.expression(cb, query, figure).alias(alias)));
        query.multiselect(selected);
        return SubscriptionStats.of(em.createQuery(query).getSingleResult());
    }

    private static void withPlans(Root<UserSubscription> s) {
        s.fetch("plan");
        s.fetch("pendingPlan", JoinType.LEFT);
    }
}
