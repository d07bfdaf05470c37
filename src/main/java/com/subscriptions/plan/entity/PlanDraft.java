package com.subscriptions.plan.entity;

import jakarta.json.JsonObject;

import java.math.BigDecimal;

/** The fields of a plan as an admin gives them; {@code null} means "not given" (default, or unchanged). */
public record PlanDraft(String name, String description, BigDecimal price, String currency, BillingInterval interval,
                        Integer durationMonths, JsonObject features, PlanStatus status, Boolean isPublic,
                        Integer maxUsers, Long parentId, Integer sortOrder, Integer trialDays) {
}
