package com.subscriptions.subscription.control;

import com.subscriptions.subscription.entity.SubscriptionStatus;

import java.time.Instant;
import java.util.List;

/** The history's filters: statuses (empty: all) and an inclusive created_at range (null: open). */
public record HistoryFilter(List<SubscriptionStatus> statuses, Instant from, Instant to) {

    public HistoryFilter {
        statuses = List.copyOf(statuses);
    }

    /** The whole history. */
    public boolean isEmpty() {
        return statuses.isEmpty() && from == null && to == null;
    }
}
