package com.subscriptions.plan.boundary;

import com.subscriptions.plan.control.PlanView;
import com.subscriptions.platform.control.Page;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.util.List;

/** The paginated plan list of the contract: {@code {plans, total, page, per_page, pages}}. */
@JsonbPropertyOrder({"plans", "total", "page", "perPage", "pages"})
public record PlanList(List<PlanView> plans, long total, int page, int perPage, long pages) {

    static PlanList of(Page<PlanView> page) {
        return new PlanList(page.items(), page.total(), page.request().page(), page.request().perPage(),
                page.pages());
    }
}
