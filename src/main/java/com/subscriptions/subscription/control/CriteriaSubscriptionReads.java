package com.subscriptions.subscription.control;

import com.subscriptions.versioning.control.ApiVersion;
import com.subscriptions.paging.control.CriteriaPaging;
import com.subscriptions.paging.control.Cursor;
import com.subscriptions.paging.control.Page;
import com.subscriptions.paging.control.PageRequest;
import com.subscriptions.versioning.control.ReadStrategy;
import com.subscriptions.subscription.entity.SubscriptionEvent;
import com.subscriptions.subscription.entity.SubscriptionStatus;
import com.subscriptions.subscription.entity.UserSubscription;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

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
                s.get("status").in(SubscriptionStatus.LIVE),
                cb.or(cb.isNull(s.get("currentPeriodEnd")), cb.greaterThan(s.get("currentPeriodEnd"), now)));
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
        Instant until = now.plus(Duration.ofDays(days));
        return CriteriaPaging.of(em, UserSubscription.class)
                .where((cb, s) -> List.of(endingWithoutRenewal(cb, s, now, until)))
                .sortedBy("currentPeriodEnd", false)
                .fetching(s -> {
                    withPlans(s);
                    s.fetch("user");
                })
                .page(page, ExpiringSubscription::of, s -> Cursor.of(s.currentPeriodEnd(), s.id()));
    }

    /** Five counts as subqueries, each an index range, in one statement. */
    @Override
    public SubscriptionStats stats() {
        Instant now = clock.instant();
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Object[]> query = cb.createQuery(Object[].class);
        query.multiselect(
                count(cb, query, s -> cb.equal(s.get("status"), SubscriptionStatus.ACTIVE)),
                count(cb, query, s -> cb.equal(s.get("status"), SubscriptionStatus.TRIAL)),
                count(cb, query, s -> endingWithoutRenewal(cb, s, now,
                        now.plus(Duration.ofDays(SubscriptionStats.EXPIRING_DAYS)))),
                count(cb, query, s -> cb.greaterThanOrEqualTo(s.get("createdAt"),
                        now.minus(Duration.ofDays(SubscriptionStats.NEW_DAYS)))),
                count(cb, query, s -> cb.greaterThanOrEqualTo(s.get("canceledAt"),
                        now.minus(Duration.ofDays(SubscriptionStats.CANCELED_DAYS)))));
        Object[] row = em.createQuery(query).getSingleResult();
        return new SubscriptionStats((Long) row[0], (Long) row[1], (Long) row[2], (Long) row[3], (Long) row[4]);
    }

    private static Subquery<Long> count(CriteriaBuilder cb, CriteriaQuery<?> query,
                                        Function<Root<UserSubscription>, Predicate> condition) {
        Subquery<Long> count = query.subquery(Long.class);
        Root<UserSubscription> s = count.from(UserSubscription.class);
        return count.select(cb.count(s)).where(condition.apply(s));
    }

    private static Predicate endingWithoutRenewal(CriteriaBuilder cb, Root<UserSubscription> s, Instant from,
                                                  Instant until) {
        return cb.and(s.get("status").in(SubscriptionStatus.LIVE),
                cb.between(s.get("currentPeriodEnd"), from, until),
                cb.or(cb.isFalse(s.get("autoRenew")), cb.isTrue(s.get("cancelAtPeriodEnd"))));
    }



    private static void withPlans(Root<UserSubscription> s) {
        s.fetch("plan");
        s.fetch("pendingPlan", JoinType.LEFT);
    }
}
