package com.subscriptions.subscription.control;

import com.subscriptions.paging.control.Page;
import com.subscriptions.paging.control.PageRequest;

import java.util.Optional;

/** How an API version reads subscriptions. Each version has its own implementation; they answer alike. */
public interface SubscriptionReads {

    /** The user's live subscription (trial or active, inside its period) with its plan. */
    Optional<SubscriptionView> active(long userId);

    /** The user's subscriptions with their plans, newest first (created_at, then id, descending). */
    Page<SubscriptionView> history(long userId, HistoryFilter filter, PageRequest page);

    /** The events of the user's subscriptions, newest first. */
    Page<EventView> events(long userId, PageRequest page);

    /**
     * Live subscriptions that will end (no auto-renew, or cancel at period end) within {@code days}, soonest
     * first, with their holders.
     */
    Page<ExpiringSubscription> expiring(int days, PageRequest page);

    /** The dashboard figures, in one round trip. */
    SubscriptionStats stats();

    /**
     * These reads with no cache in front: the statements a cache miss runs, with nothing read from, put into or
     * removed from a cache (the query-plan report runs these). Reads that cache nothing are their own.
     */
    default SubscriptionReads uncached() {
        return this;
    }
}
