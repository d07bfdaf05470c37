package com.subscriptions.subscription.boundary;

import com.subscriptions.platform.control.Page;
import com.subscriptions.subscription.control.EventView;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.util.List;

/** The paginated events: {@code {events, total, page, per_page, pages}}. */
@JsonbPropertyOrder({"events", "total", "page", "perPage", "pages"})
public record EventList(List<EventView> events, long total, int page, int perPage, long pages) {

    static EventList of(Page<EventView> page) {
        return new EventList(page.items(), page.total(), page.request().page(), page.request().perPage(),
                page.pages());
    }
}
