package com.subscriptions.platform.control;

/** Offset paging as the contract defines it: pages count from 1, at most 100 items a page. */
public record PageRequest(int page, int perPage) {

    public static final int DEFAULT_PER_PAGE = 10;
    public static final int MAX_PER_PAGE = 100;

    public PageRequest {
        if (page < 1 || perPage < 1 || perPage > MAX_PER_PAGE) {
            throw new IllegalArgumentException("page >= 1 and 1 <= per_page <= " + MAX_PER_PAGE);
        }
    }

    /** The first row of the page; a long, since a page far past the end is still a valid request. */
    public long offset() {
        return (long) (page - 1) * perPage;
    }
}
