package com.subscriptions.plan.control;

import com.subscriptions.paging.control.Page;
import com.subscriptions.paging.control.PageRequest;

import java.util.Optional;

/** How an API version reads plans. Each version has its own implementation; they answer alike. */
public interface PlanReads {

    /** Plans ordered by sort_order, then id. */
    Page<PlanView> list(PlanFilter filter, PageRequest page);

    Optional<PlanView> byId(long id);

    /**
     * These reads with no cache in front: the statements a cache miss runs, with nothing read from, put into or
     * removed from a cache (the query-plan report runs these). Reads that cache nothing are their own.
     */
    default PlanReads uncached() {
        return this;
    }
}
