package com.subscriptions.subscription.control;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * The admin's dashboard figures: live subscriptions by status, those ending within 7 days without renewal,
 * those created within 7 days, and those canceled within 14 days.
 */
@JsonbPropertyOrder({"activeCount", "trialCount", "expiringSoonCount", "newCount", "recentlyCanceledCount"})
public record SubscriptionStats(long activeCount, long trialCount, long expiringSoonCount, long newCount,
                                long recentlyCanceledCount) {

    public static final int EXPIRING_DAYS = 7;
    public static final int NEW_DAYS = 7;
    public static final int CANCELED_DAYS = 14;
}
