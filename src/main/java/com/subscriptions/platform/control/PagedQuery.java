package com.subscriptions.platform.control;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A list query written as text (native SQL or JPQL, both use {@code ?} here), ordered by a sort key and the id so
 * that the order is total. It renders the page query of either mode: offset with the total in the same statement
 * ({@code COUNT(*) OVER ()}), or keyset (rows after the cursor, no count).
 */
public final class PagedQuery {

    private final String select;
    private final String from;
    private final List<String> conditions = new ArrayList<>();
    private final List<Object> parameters = new ArrayList<>();
    private String sortKey;
    private String idKey;
    private boolean descending;
    private Function<Cursor, Object> keyParameter;

    private PagedQuery(String select, String from) {
        this.select = select;
        this.from = from;
    }

    /** @param from the FROM clause with its joins, without the word FROM */
    public static PagedQuery select(String select, String from) {
        return new PagedQuery(select, from);
    }

    public PagedQuery where(String condition, Object... values) {
        conditions.add(condition);
        parameters.addAll(List.of(values));
        return this;
    }

    /**
     * @param keyParameter the cursor's key as a query parameter of the sort key's type
     */
    public PagedQuery orderBy(String sortKey, String idKey, boolean descending, Function<Cursor, Object> keyParameter) {
        this.sortKey = sortKey;
        this.idKey = idKey;
        this.descending = descending;
        this.keyParameter = keyParameter;
        return this;
    }

    /** The page's statement; its select list ends with the total in offset mode. */
    public String pageQuery(PageRequest page) {
        List<String> where = new ArrayList<>(conditions);
        if (page.cursor() != null) {
            String after = descending ? " < " : " > ";
            where.add("(" + sortKey + after + "? OR (" + sortKey + " = ? AND " + idKey + after + "?))");
        }
        String direction = descending ? " DESC" : "";
        return "SELECT " + select + (page.keyset() ? "" : ", COUNT(*) OVER ()") + " FROM " + from + where(where)
                + " ORDER BY " + sortKey + direction + ", " + idKey + direction;
    }

    public List<Object> pageParameters(PageRequest page) {
        List<Object> values = new ArrayList<>(parameters);
        if (page.cursor() != null) {
            Object key = keyParameter.apply(page.cursor());
            values.addAll(List.of(key, key, page.cursor().id()));
        }
        return values;
    }

    /** Counts the list: needed only for an offset page past the end, which has no row to carry the total. */
    public String countQuery() {
        return "SELECT COUNT(*) FROM " + from + where(conditions);
    }

    public List<Object> countParameters() {
        return List.copyOf(parameters);
    }

    private static String where(List<String> conditions) {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }
}
