package com.subscriptions.subscription.boundary;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** {@code POST /subscriptions/indefinite} (admin): a live subscription with no period end. */
public class IndefiniteRequest {

    @NotNull
    @Positive
    public Long userId;

    @NotNull
    @Positive
    public Long planId;

    @Min(1)
    @Max(10_000)
    public Integer quantity;
}
