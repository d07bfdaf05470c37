package com.subscriptions.subscription.boundary;

import com.subscriptions.plan.control.PlanView;
import com.subscriptions.subscription.control.ProrationView;
import com.subscriptions.subscription.control.SubscriptionService;
import com.subscriptions.subscription.control.SubscriptionView;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.time.Instant;

/**
 * The answer to a plan change: the members of {@link SubscriptionView}, in its order, then {@code proration}
 * ({@code {credit, charge, net, currency}}, or null when the change was not prorated or waits for the period end).
 * JSON-B cannot unwrap a nested record, hence the components repeated here (PlanChangeAnswerTest keeps them in step
 * with {@link SubscriptionView}).
 */
@JsonbPropertyOrder({"id", "userId", "planId", "status", "startDate", "endDate", "trialEndDate", "canceledAt",
        "currentPeriodStart", "currentPeriodEnd", "paymentStatus", "quantity", "cancelAtPeriodEnd", "autoRenew",
        "pendingPlanId", "createdAt", "updatedAt", "plan", "proration"})
public record PlanChangeAnswer(
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
        ProrationView proration) {

    public static PlanChangeAnswer of(SubscriptionView s, ProrationView proration) {
        return new PlanChangeAnswer(s.id(), s.userId(), s.planId(), s.status(), s.startDate(), s.endDate(),
                s.trialEndDate(), s.canceledAt(), s.currentPeriodStart(), s.currentPeriodEnd(), s.paymentStatus(),
                s.quantity(), s.cancelAtPeriodEnd(), s.autoRenew(), s.pendingPlanId(), s.createdAt(), s.updatedAt(),
                s.plan(), proration);
    }

    static PlanChangeAnswer of(SubscriptionService.PlanChange change) {
        return of(SubscriptionView.of(change.subscription()), ProrationView.of(change.proration()));
    }
}
