package com.subscriptions.subscription.boundary;

import com.subscriptions.platform.control.Page;
import com.subscriptions.subscription.control.SubscriptionView;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.util.List;

/** The paginated history: {@code {subscriptions, total, page, per_page, pages}}. */
@JsonbPropertyOrder({"subscriptions", "total", "page", "perPage", "pages"})
public record SubscriptionList(List<SubscriptionView> subscriptions, long total, int page, int perPage, long pages) {

    static SubscriptionList of(Page<SubscriptionView> page) {
        return new SubscriptionList(page.items(), page.total(), page.request().page(), page.request().perPage(),
                page.pages());
    }
}
