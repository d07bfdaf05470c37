package com.subscriptions.subscription.boundary;

import com.subscriptions.platform.boundary.Unwrapped;
import com.subscriptions.subscription.control.ProrationView;
import com.subscriptions.subscription.control.SubscriptionService;
import com.subscriptions.subscription.control.SubscriptionView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer to a plan change: the members of {@link SubscriptionView}, then {@code proration}
 * ({@code {credit, charge, net, currency}}, or null when the change was not prorated or waits for the period end).
 */
@Schema(allOf = SubscriptionView.class)
public record PlanChangeAnswer(@Unwrapped @Schema(hidden = true) SubscriptionView subscription,
                               ProrationView proration) {

    static PlanChangeAnswer of(SubscriptionService.PlanChange change) {
        return new PlanChangeAnswer(SubscriptionView.of(change.subscription()), ProrationView.of(change.proration()));
    }
}
