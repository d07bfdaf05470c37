package com.subscriptions.subscription.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /subscriptions/upgrade}: any plan change, up or down. */
public class ChangePlanRequest {

    @NotNull
    @Positive
    public Long planId;

    @Schema(description = "Default true: charge or credit the unused part of the period")
    public Boolean prorate;

    @Schema(description = "Default false: change now rather than at the next renewal")
    public Boolean atPeriodEnd;
}
