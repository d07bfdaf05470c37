package com.subscriptions.user.control;

import com.subscriptions.paging.control.Page;
import com.subscriptions.paging.control.PageRequest;

import java.time.Instant;

/**
 * The admin's user search: users by name or email prefix, optionally only those with a subscription in a status or
 * on a plan, each shown with their live subscription. Users are known here, but subscriptions depend on users, so
 * the search is implemented where subscriptions are ({@code subscription.control.SubscriberDirectory}).
 */
public interface UserSearch {

    /** What the admin searches for; every part is optional. {@code status} is a subscription status code. */
    record Search(String prefix, String status, Long planId) {
    }

    /** A user as the admin list shows them. */
    record Listed(long id, String username, String email, boolean isAdmin, Instant createdAt,
                  LiveSubscription subscription) {
    }

    /** The user's live subscription, in short. */
    record LiveSubscription(long id, String status, long planId, String planName, Instant currentPeriodEnd) {
    }

    /** @throws com.subscriptions.platform.entity.InvalidInput when the status is not a subscription status */
    Page<Listed> search(Search search, PageRequest page);
}
