package com.subscriptions.subscription.boundary;

import com.subscriptions.paging.control.Page;
import com.subscriptions.subscription.control.SubscriptionView;

import java.util.List;

/**
 * The paginated history: {@code {subscriptions, total, page, per_page, pages, next_cursor, has_more}}; total, page
 * and pages are null in keyset mode.
 */
public record SubscriptionList(List<SubscriptionView> subscriptions, Long total, Integer page, int perPage, Long pages,
                       String nextCursor, boolean hasMore) {

    static SubscriptionList of(Page<SubscriptionView> page) {
        return new SubscriptionList(page.items(), page.total(), page.number(), page.request().perPage(),
                page.pages(), page.nextCursor(), page.hasMore());
    }
}
