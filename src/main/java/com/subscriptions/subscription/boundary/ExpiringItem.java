package com.subscriptions.subscription.boundary;

import com.subscriptions.platform.boundary.Unwrapped;
import com.subscriptions.subscription.control.ExpiringSubscription;
import com.subscriptions.subscription.control.SubscriptionView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A subscription of the admin's expiring list: the members of {@link SubscriptionView}, then
 * {@code user: {id, username, email}}.
 */
@Schema(allOf = SubscriptionView.class)
public record ExpiringItem(@Unwrapped @Schema(hidden = true) SubscriptionView subscription,
                           ExpiringSubscription.Subscriber user) {

    public static ExpiringItem of(ExpiringSubscription expiring) {
        return new ExpiringItem(expiring.subscription(), expiring.user());
    }
}
