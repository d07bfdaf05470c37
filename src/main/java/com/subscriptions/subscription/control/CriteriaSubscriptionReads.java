package com.subscriptions.subscription.control;

import com.subscriptions.platform.control.ApiVersion;
import com.subscriptions.platform.control.CriteriaPaging;
import com.subscriptions.platform.control.Page;
import com.subscriptions.platform.control.PageRequest;
import com.subscriptions.platform.control.ReadStrategy;
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
                s.get("status").in(SubscriptionStatus.TRIAL, SubscriptionStatus.ACTIVE),
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
                .orderBy((cb, s) -> List.of(cb.desc(s.get("createdAt")), cb.desc(s.get("id"))))
                .fetching(CriteriaSubscriptionReads::withPlans)
                .page(page, SubscriptionView::of);
    }

    @Override
    public Page<EventView> events(long userId, PageRequest page) {
        return CriteriaPaging.of(em, SubscriptionEvent.class)
                .where((cb, e) -> List.of(cb.equal(e.get("userId"), userId)))
                .orderBy((cb, e) -> List.of(cb.desc(e.get("createdAt")), cb.desc(e.get("id"))))
                .page(page, EventView::of);
    }

    private static void withPlans(Root<UserSubscription> s) {
        s.fetch("plan");
        s.fetch("pendingPlan", JoinType.LEFT);
    }
}
