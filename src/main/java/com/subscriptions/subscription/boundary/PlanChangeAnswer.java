package com.subscriptions.subscription.boundary;

import com.subscriptions.platform.control.Unwrapped;
import com.subscriptions.subscription.control.ProrationView;
import com.subscriptions.subscription.control.SubscriptionService;
import com.subscriptions.subscription.control.SubscriptionView;

/**
 * The answer to a plan change: the members of {@link SubscriptionView}, then {@code proration}
 * ({@code {credit, charge, net, currency}}, or null when the change was not prorated or waits for the period end).
 * Documented in OpenAPI as {@code PlanChange} ({@code META-INF/openapi.yaml}): the generator cannot see through
 * {@link Unwrapped}.
 */
public record PlanChangeAnswer(@Unwrapped SubscriptionView subscription,
                               ProrationView proration) {

    static PlanChangeAnswer of(SubscriptionService.PlanChange change) {
        return new PlanChangeAnswer(SubscriptionView.of(change.subscription()), ProrationView.of(change.proration()));
    }
}
