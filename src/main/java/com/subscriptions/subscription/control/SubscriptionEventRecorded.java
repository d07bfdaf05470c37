package com.subscriptions.subscription.control;

import com.subscriptions.subscription.entity.SubscriptionEvent;
import com.subscriptions.subscription.entity.UserSubscription;

/**
 * A change of a subscription was recorded, fired inside the writing transaction (synchronous observers write in
 * it: the outbox). {@code subscription} is the state after the change.
 */
public record SubscriptionEventRecorded(UserSubscription subscription, SubscriptionEvent event) {
}
