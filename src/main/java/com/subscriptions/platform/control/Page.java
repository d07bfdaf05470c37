package com.subscriptions.platform.control;

import java.util.List;

/** One page of a list and the size of the whole list. */
public record Page<T>(List<T> items, long total, PageRequest request) {

    public Page {
        items = List.copyOf(items);
    }

    public long pages() {
        return (total + request.perPage() - 1) / request.perPage();
    }
}
