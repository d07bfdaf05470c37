package com.subscriptions.subscription.control;

/**
 * A user's subscriptions changed (subscribed, changed plan, canceled, renewed…), fired inside the writing
 * transaction; caches of that user's reads observe it after the commit.
 */
public record SubscriptionsChanged(long userId) {
}
