package com.subscriptions.subscription.control;

import com.subscriptions.subscription.entity.UserSubscription;

/** A subscription about to end, and who holds it (the admin's expiring list). */
public record ExpiringSubscription(SubscriptionView subscription, Subscriber user) {

    /** The subscriber as the expiring list shows it. */
    public record Subscriber(long id, String username, String email) {
    }

    public static ExpiringSubscription of(UserSubscription s) {
        return new ExpiringSubscription(SubscriptionView.of(s),
                new Subscriber(s.user().id(), s.user().username(), s.user().email()));
    }
}
