package com.subscriptions.paging.control;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list: its items, the cursor after the last of them when more follow, and (in offset mode) the
 * size of the whole list; keyset mode does not count.
 */
public record Page<T>(List<T> items, Long total, PageRequest request, Cursor next) {

    public Page {
        items = List.copyOf(items);
    }

    /**
     * Assembles a page from the rows read: {@link PageRequest#rowsToRead()} rows in keyset mode, the page in offset
     * mode (then {@code total} is known).
     */
    public static <R, T> Page<T> of(List<R> rows, Long total, PageRequest request, Function<R, T> view,
                                    Function<R, Cursor> cursorOf) {
        boolean more = request.keyset() ? rows.size() > request.perPage()
                : request.offset() + rows.size() < total;
        List<R> shown = rows.size() > request.perPage() ? rows.subList(0, request.perPage()) : rows;
        Cursor next = more && !shown.isEmpty() ? cursorOf.apply(shown.get(shown.size() - 1)) : null;
        return new Page<>(shown.stream().map(view).toList(), request.keyset() ? null : total, request, next);
    }

    public boolean hasMore() {
        return next != null;
    }

    /** Pages in the whole list; null in keyset mode. */
    public Long pages() {
        return total == null ? null : (total + request.perPage() - 1) / request.perPage();
    }

    /** The page number; null in keyset mode, where pages have no number. */
    public Integer number() {
        return request.keyset() ? null : request.page();
    }

    public String nextCursor() {
        return next == null ? null : next.encode();
    }

    public <V> Page<V> map(Function<T, V> view) {
        return new Page<>(items.stream().map(view).toList(), total, request, next);
    }
}
