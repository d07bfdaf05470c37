package com.subscriptions.subscription.control;

import jakarta.persistence.Tuple;

/**
 * The admin's dashboard figures: live subscriptions by status, those ending within
 * {@link SubscriptionDefinitions#EXPIRING_SOON_DAYS} days without renewal, those created within
 * {@link SubscriptionDefinitions#NEW_DAYS} days, and those canceled within
 * {@link SubscriptionDefinitions#RECENTLY_CANCELED_DAYS} days. The database keeps them counted (see
 * {@link SubscriptionDefinitions.Figure}); every version selects each figure under its component's name
 * ({@link #ACTIVE}, …) and reads it by that name.
 */
public record SubscriptionStats(long activeCount, long trialCount, long expiringSoonCount, long newCount,
                                long recentlyCanceledCount) {

    public static final String ACTIVE = "activeCount";
    public static final String TRIAL = "trialCount";
    public static final String EXPIRING_SOON = "expiringSoonCount";
    public static final String NEW = "newCount";
    public static final String RECENTLY_CANCELED = "recentlyCanceledCount";

    /** A JPQL or Criteria row of the figures. */
    public static SubscriptionStats of(Tuple row) {
        return new SubscriptionStats(figure(row, ACTIVE), figure(row, TRIAL), figure(row, EXPIRING_SOON),
                figure(row, NEW), figure(row, RECENTLY_CANCELED));
    }

    private static long figure(Tuple row, String alias) {
        return row.get(alias, Number.class).longValue();
    }
}
