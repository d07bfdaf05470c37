package com.subscriptions.subscription.boundary;

import com.subscriptions.platform.control.Unwrapped;
import com.subscriptions.subscription.control.ExpiringSubscription;
import com.subscriptions.subscription.control.SubscriptionView;

/**
 * A subscription of the admin's expiring list: the members of {@link SubscriptionView}, then
 * {@code user: {id, username, email}}.
 * Documented in OpenAPI as {@code ExpiringEntry} ({@code META-INF/openapi.yaml}): the generator cannot see through
 * {@link Unwrapped}.
 */
public record ExpiringItem(@Unwrapped SubscriptionView subscription,
                           ExpiringSubscription.Subscriber user) {

    public static ExpiringItem of(ExpiringSubscription expiring) {
        return new ExpiringItem(expiring.subscription(), expiring.user());
    }
}
