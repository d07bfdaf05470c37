package com.subscriptions.subscription.control;

import jakarta.persistence.Tuple;

import java.util.List;
import java.util.function.ToLongFunction;

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
    public static final List<String> NAMES = List.of(ACTIVE, TRIAL, EXPIRING_SOON, NEW, RECENTLY_CANCELED);

    /** The figures from what a version selected, each read by its name. */
    public static SubscriptionStats of(ToLongFunction<String> selected) {
        return new SubscriptionStats(selected.applyAsLong(ACTIVE), selected.applyAsLong(TRIAL),
                selected.applyAsLong(EXPIRING_SOON), selected.applyAsLong(NEW),
                selected.applyAsLong(RECENTLY_CANCELED));
    }

    /** A JPQL or Criteria row of the figures. */
    public static SubscriptionStats of(Tuple row) {
        return of(alias -> row.get(alias, Number.class).longValue());
    }
}
