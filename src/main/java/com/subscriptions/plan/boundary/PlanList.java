package com.subscriptions.plan.boundary;

import com.subscriptions.paging.control.Page;
import com.subscriptions.plan.control.PlanView;

import java.util.List;

/**
 * The paginated plan list of the contract: {@code {plans, total, page, per_page, pages, next_cursor, has_more}}; total, page
 * and pages are null in keyset mode.
 */
public record PlanList(List<PlanView> plans, Long total, Integer page, int perPage, Long pages,
                       String nextCursor, boolean hasMore) {

    static PlanList of(Page<PlanView> page) {
        return new PlanList(page.items(), page.total(), page.number(), page.request().perPage(),
                page.pages(), page.nextCursor(), page.hasMore());
    }
}
