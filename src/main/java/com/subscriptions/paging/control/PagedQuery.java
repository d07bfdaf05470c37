package com.subscriptions.paging.control;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A list query written as text (native SQL or JPQL, both use {@code ?} here) over a driving table and its joins,
 * ordered by a sort key and the id so that the order is total (or by a unique sort key alone). It renders the page
 * query of either mode: offset, with the total in the same statement, or keyset (rows after the cursor, no count).
 * <p>
 * The total is a scalar subquery over the driving table alone (the joins are to-one and never drop a row), which
 * the database answers once, from an index where one serves the filter. {@code COUNT(*) OVER ()} would do it too,
 * but makes the database build the whole joined, sorted result first: seconds on the expiring list at a million
 * subscriptions.
 */
public final class PagedQuery {

    /** The label of the total in an offset page's rows, read by name rather than by position. */
    public static final String TOTAL = "total";

    private static final String COUNTED = "counted";

    private final String select;
    private final String table;
    private final String alias;
    private String joins = "";
    private final List<String> conditions = new ArrayList<>();
    private final List<Object> parameters = new ArrayList<>();
    private String sortKey;
    private String idKey;
    private boolean descending;
    private Function<Cursor, Object> keyParameter;
    private String totalExpression;
    private List<Object> totalParameters;

    private PagedQuery(String select, String table, String alias) {
        this.select = select;
        this.table = table;
        this.alias = alias;
    }

    /** @param table the driving table (or entity), whose rows the list counts, known by {@code alias} */
    public static PagedQuery select(String select, String table, String alias) {
        return new PagedQuery(select, table, alias);
    }

    /** Joins to-one tables (they add columns, never rows). */
    public PagedQuery join(String joins) {
        this.joins = " " + joins;
        return this;
    }

    public PagedQuery where(String condition, Object... values) {
        conditions.add(condition);
        parameters.addAll(List.of(values));
        return this;
    }

    /**
     * The total as this expression (scalar subqueries over counts kept elsewhere, say) instead of a count of the
     * driving table's rows: for a list whose count would walk too many rows. It must equal that count.
     */
    public PagedQuery totalAs(String expression, List<Object> values) {
        this.totalExpression = expression;
        this.totalParameters = List.copyOf(values);
        return this;
    }

    /**
     * Orders by a sort key that is unique by itself (a unique index's column): no id after it, so that the database
     * can read the rows in that index's order (MariaDB sorts all rows for {@code ORDER BY username, id} although
     * {@code username} alone is unique: over a second at a million users).
     */
    public PagedQuery orderByUnique(String sortKey, boolean descending, Function<Cursor, Object> keyParameter) {
        return orderBy(sortKey, null, descending, keyParameter);
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

    /** The page's statement; in offset mode its select list ends with the total, labelled {@link #TOTAL}. */
    public String pageQuery(PageRequest page) {
        List<String> where = new ArrayList<>(conditions);
        if (page.cursor() != null) {
            String after = descending ? " < " : " > ";
            where.add(idKey == null ? sortKey + after + "?"
                    : "(" + sortKey + after + "? OR (" + sortKey + " = ? AND " + idKey + after + "?))");
        }
        String direction = descending ? " DESC" : "";
        String total = totalExpression != null ? totalExpression : "(" + countQuery() + ")";
        return "SELECT " + select + (page.keyset() ? "" : ", " + total + " AS " + TOTAL) + " FROM " + table + " "
                + alias + joins + where(where) + " ORDER BY " + sortKey + direction
                + (idKey == null ? "" : ", " + idKey + direction);
    }

    public List<Object> pageParameters(PageRequest page) {
        List<Object> values = new ArrayList<>(page.keyset() ? List.of() : countParameters());
        values.addAll(parameters);
        if (page.cursor() != null) {
            Object key = keyParameter.apply(page.cursor());
            values.addAll(idKey == null ? List.of(key) : List.of(key, key, page.cursor().id()));
        }
        return values;
    }

    /** Counts the list: inside the offset page's statement, and alone for a page past the end (no row to carry it). */
    public String countQuery() {
        if (totalExpression != null) {
            return "SELECT " + totalExpression;
        }
        Pattern driving = Pattern.compile("\\b" + Pattern.quote(alias) + "\\.");
        return "SELECT COUNT(*) FROM " + table + " " + COUNTED + where(conditions.stream()
                .map(condition -> driving.matcher(condition).replaceAll(COUNTED + ".")).toList());
    }

    public List<Object> countParameters() {
        return totalExpression != null ? totalParameters : List.copyOf(parameters);
    }

    private static String where(List<String> conditions) {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }
}
