package com.subscriptions.subscription.control;

import com.subscriptions.subscription.entity.SubscriptionEvent;
import com.subscriptions.subscription.entity.UserSubscription;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * One bounded batch of the lifecycle job, in a transaction of its own. The due rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED}: several instances (or overlapping runs) each take different rows, and a
 * row is never advanced twice for the same period end.
 */
@Stateless
public class LifecycleBatch {

    static final String ACTOR = "lifecycle-job";

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    EventRecorder recorder;

    /** @return how many subscriptions changed state */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int advanceDue(int batchSize) {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Number> due = em.createNativeQuery("SELECT id FROM user_subscriptions "
                        + "WHERE " + SubscriptionDefinitions.live(SubscriptionDefinitions.Language.SQL, null).text()
                        + " AND current_period_end <= ? "
                        + "ORDER BY current_period_end, id LIMIT ? FOR UPDATE SKIP LOCKED")
                .setParameter(1, now).setParameter(2, batchSize).getResultList();
        if (due.isEmpty()) {
            return 0;
        }
        List<UserSubscription> subscriptions = em.createQuery(
                        "select s from UserSubscription s join fetch s.plan left join fetch s.pendingPlan "
                                + "where s.id in :ids", UserSubscription.class)
                .setParameter("ids", due.stream().map(Number::longValue).toList()).getResultList();
        int changed = 0;
        for (UserSubscription subscription : subscriptions) {
            Long planBefore = subscription.plan().id();
            changed += subscription.advance(clock).map(type -> {
                recorder.record(subscription, type, planBefore.equals(subscription.plan().id()) ? null : planBefore,
                        null, ACTOR, null, now);
                return 1;
            }).orElse(0);
        }
        return changed;
    }
}
