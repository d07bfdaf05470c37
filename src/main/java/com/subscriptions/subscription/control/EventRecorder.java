package com.subscriptions.subscription.control;

import com.subscriptions.subscription.entity.Proration;
import com.subscriptions.subscription.entity.SubscriptionEvent;
import com.subscriptions.subscription.entity.UserSubscription;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;

/**
 * Records a subscription's change in the caller's transaction, whoever made it (a user, an admin, the lifecycle
 * job): the event row, then {@link SubscriptionEventRecorded} for what must be written with it, and
 * {@link SubscriptionsChanged} for the caches to observe once committed.
 */
@ApplicationScoped
public class EventRecorder {

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<SubscriptionEventRecorded> recorded;

    @Inject
    Event<SubscriptionsChanged> changes;

    public void record(UserSubscription subscription, SubscriptionEvent.Type type, Long fromPlan, Proration proration,
                       String actor, String requestId, Instant at) {
        SubscriptionEvent event = new SubscriptionEvent(subscription, type, fromPlan, proration, actor, requestId, at);
        em.persist(event);
        recorded.fire(new SubscriptionEventRecorded(subscription, event));
        changes.fire(new SubscriptionsChanged(subscription.userId()));
    }
}
