package com.subscriptions.plan.control;

import com.subscriptions.paging.control.Page;
import com.subscriptions.paging.control.PageRequest;

import java.util.Optional;

/** How an API version reads plans. Each version has its own implementation; they answer alike. */
public interface PlanReads {

    /** Plans ordered by sort_order, then id. */
    Page<PlanView> list(PlanFilter filter, PageRequest page);

    Optional<PlanView> byId(long id);
}
