package com.subscriptions.subscription.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /subscriptions/cancel}. */
public class CancelRequest {

    @Schema(description = "Default true: stay active until the period ends")
    public Boolean atPeriodEnd;
}
