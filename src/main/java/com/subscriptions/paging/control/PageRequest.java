package com.subscriptions.paging.control;

/**
 * Which part of a list to read. Offset paging as the contract defines it (pages count from 1, at most 100 items a
 * page), or keyset paging: the items after {@code cursor}, without counting the list.
 */
public record PageRequest(int page, int perPage, Cursor cursor, boolean keyset) {

    public static final int DEFAULT_PER_PAGE = 10;
    public static final int MAX_PER_PAGE = 100;

    public PageRequest {
        if (page < 1 || perPage < 1 || perPage > MAX_PER_PAGE) {
            throw new IllegalArgumentException("page >= 1 and 1 <= per_page <= " + MAX_PER_PAGE);
        }
        if (cursor != null && !keyset) {
            throw new IllegalArgumentException("A cursor is read in keyset mode only");
        }
    }

    public static PageRequest offset(int page, int perPage) {
        return new PageRequest(page, perPage, null, false);
    }

    /** Keyset mode; a null cursor starts at the top of the list. */
    public static PageRequest after(Cursor cursor, int perPage) {
        return new PageRequest(1, perPage, cursor, true);
    }

    /** The first row of the page; a long, since a page far past the end is still a valid request. */
    public long offset() {
        return (long) (page - 1) * perPage;
    }

    /** Rows to read: in keyset mode one more than the page, to learn whether more follow. */
    public int rowsToRead() {
        return keyset ? perPage + 1 : perPage;
    }
}
