package com.subscriptions.subscription.control;

import com.subscriptions.platform.control.Times;
import com.subscriptions.subscription.entity.SubscriptionEvent;

import java.time.Instant;

/** One event of the caller's subscriptions (contract §4, GET /events). */
public record EventView(long id, long subscriptionId, String type, Long fromPlanId, Long toPlanId,
                        ProrationView proration, String actor, Instant createdAt) {

    public static EventView of(SubscriptionEvent e) {
        return new EventView(e.id(), e.subscriptionId(), e.type(), e.fromPlanId(), e.toPlanId(), ProrationView.of(e.proration()),
                e.actor(), Times.seconds(e.createdAt()));
    }
}
