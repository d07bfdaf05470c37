package com.subscriptions.subscription.boundary;

import com.subscriptions.paging.control.Page;
import com.subscriptions.subscription.control.EventView;

import java.util.List;

/**
 * The paginated events: {@code {events, total, page, per_page, pages, next_cursor, has_more}}; total, page
 * and pages are null in keyset mode.
 */
public record EventList(List<EventView> events, Long total, Integer page, int perPage, Long pages,
                       String nextCursor, boolean hasMore) {

    static EventList of(Page<EventView> page) {
        return new EventList(page.items(), page.total(), page.number(), page.request().perPage(),
                page.pages(), page.nextCursor(), page.hasMore());
    }
}
