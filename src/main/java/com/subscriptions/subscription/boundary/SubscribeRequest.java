package com.subscriptions.subscription.boundary;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /subscriptions} (and the original's {@code /subscriptions/subscribe}). Absent fields take defaults. */
public class SubscribeRequest {

    @NotNull
    @Positive
    public Long planId;

    @Min(1)
    @Max(10_000)
    public Integer quantity;

    @Schema(description = "Renew at the end of each period (default true)")
    public Boolean autoRenew;

    /** Overrides the plan's trial days; 0 for no trial. */
    @Min(0)
    @Max(365)
    public Integer trialDays;
}
