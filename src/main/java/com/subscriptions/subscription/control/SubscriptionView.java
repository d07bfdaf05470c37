package com.subscriptions.subscription.control;

import com.subscriptions.plan.control.PlanView;
import com.subscriptions.platform.control.Times;
import com.subscriptions.subscription.entity.UserSubscription;

import java.time.Instant;

/** A subscription with its plan, as every API version answers it (contract §4). */
public record SubscriptionView(
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
        PlanView plan) {

    public static SubscriptionView of(UserSubscription s) {
        return new SubscriptionView(s.id(), s.userId(), s.plan().id(), s.status().value(),
                Times.seconds(s.startDate()), Times.seconds(s.endDate()), Times.seconds(s.trialEndDate()),
                Times.seconds(s.canceledAt()), Times.seconds(s.currentPeriodStart()),
                Times.seconds(s.currentPeriodEnd()), s.paymentStatus().value(), s.quantity(), s.cancelAtPeriodEnd(),
                s.autoRenew(), s.pendingPlan() == null ? null : s.pendingPlan().id(), Times.seconds(s.createdAt()),
                Times.seconds(s.updatedAt()), PlanView.of(s.plan()));
    }
}
