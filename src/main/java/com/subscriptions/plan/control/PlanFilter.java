package com.subscriptions.plan.control;

import com.subscriptions.plan.entity.PlanStatus;

/** The plan list's filters: an optional status, and whether only public plans are listed. */
public record PlanFilter(PlanStatus status, boolean publicOnly) {
}
