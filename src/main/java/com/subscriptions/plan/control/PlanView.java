package com.subscriptions.plan.control;

import com.subscriptions.plan.entity.SubscriptionPlan;
import com.subscriptions.platform.control.Times;
import jakarta.json.JsonObject;

import java.math.BigDecimal;
import java.time.Instant;

/** A plan as every API version answers it (contract §3); serialized in snake_case. */
public record PlanView(
        long id,
        String name,
        String description,
        BigDecimal price,
        String currency,
        String interval,
        int durationMonths,
        JsonObject features,
        String status,
        boolean isPublic,
        Integer maxUsers,
        Long parentId,
        int sortOrder,
        int trialDays,
        Instant createdAt,
        Instant updatedAt) {

    public static PlanView of(SubscriptionPlan plan) {
        return new PlanView(plan.id(), plan.name(), plan.description(), plan.price(), plan.currency(),
                plan.interval().value(), plan.durationMonths(), plan.features(), plan.status().value(),
                plan.isPublic(), plan.maxUsers(), plan.parentId(), plan.sortOrder(), plan.trialDays(),
                Times.seconds(plan.createdAt()), Times.seconds(plan.updatedAt()));
    }
}
