package com.subscriptions.subscription.boundary;

import com.subscriptions.plan.control.PlanView;
import com.subscriptions.subscription.control.ExpiringSubscription;
import com.subscriptions.subscription.control.SubscriptionView;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.time.Instant;

/**
 * A subscription of the admin's expiring list: the members of {@link SubscriptionView}, in its order, then
 * {@code user: {id, username, email}}. JSON-B cannot unwrap a nested record, hence the components repeated here
 * (ExpiringItemTest keeps them in step with {@link SubscriptionView}).
 */
@JsonbPropertyOrder({"id", "userId", "planId", "status", "startDate", "endDate", "trialEndDate", "canceledAt",
        "currentPeriodStart", "currentPeriodEnd", "paymentStatus", "quantity", "cancelAtPeriodEnd", "autoRenew",
        "pendingPlanId", "createdAt", "updatedAt", "plan", "user"})
public record ExpiringItem(
        long id,
        long userId,
        long planId,
        String status,
        Instant startDate,
        Instant endDate,
        Instant trialEndDate,
        Instant canceledAt,
        Instant currentPeriodStart,
        Instant currentPeriodEnd,
        String paymentStatus,
        int quantity,
        boolean cancelAtPeriodEnd,
        boolean autoRenew,
        Long pendingPlanId,
        Instant createdAt,
        Instant updatedAt,
        PlanView plan,
        ExpiringSubscription.Subscriber user) {

    public static ExpiringItem of(ExpiringSubscription expiring) {
        SubscriptionView s = expiring.subscription();
        return new ExpiringItem(s.id(), s.userId(), s.planId(), s.status(), s.startDate(), s.endDate(),
                s.trialEndDate(), s.canceledAt(), s.currentPeriodStart(), s.currentPeriodEnd(), s.paymentStatus(),
                s.quantity(), s.cancelAtPeriodEnd(), s.autoRenew(), s.pendingPlanId(), s.createdAt(), s.updatedAt(),
                s.plan(), expiring.user());
    }
}
