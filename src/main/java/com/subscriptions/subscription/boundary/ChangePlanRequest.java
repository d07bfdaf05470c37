package com.subscriptions.subscription.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** {@code POST /subscriptions/upgrade}: any plan change, up or down. */
public class ChangePlanRequest {

    @NotNull
    @Positive
    public Long planId;

    /** Default true: charge or credit the unused part of the period. */
    public Boolean prorate;

    /** Default false: change now rather than at the next renewal. */
    public Boolean atPeriodEnd;
}
