package com.subscriptions.subscription.boundary;

/** {@code POST /subscriptions/cancel}. */
public class CancelRequest {

    /** Default true: stay active until the period ends. */
    public Boolean atPeriodEnd;
}
