package com.subscriptions.subscription.boundary;

import com.subscriptions.paging.control.Page;
import com.subscriptions.subscription.control.ExpiringSubscription;

import java.util.List;

/**
 * The admin's expiring list, paginated like the history: {@code {subscriptions, total, page, per_page, pages,
 * next_cursor, has_more}}, each subscription with its {@code user}; total, page and pages are null in keyset mode.
 */
public record ExpiringList(List<ExpiringItem> subscriptions, Long total, Integer page, int perPage, Long pages,
                           String nextCursor, boolean hasMore) {

    static ExpiringList of(Page<ExpiringSubscription> page) {
        return new ExpiringList(page.items().stream().map(ExpiringItem::of).toList(), page.total(), page.number(),
                page.request().perPage(), page.pages(), page.nextCursor(), page.hasMore());
    }
}
