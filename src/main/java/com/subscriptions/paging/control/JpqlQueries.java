package com.subscriptions.paging.control;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * JPQL reads of selected columns, each row an {@code Object[]}: one statement a page, like {@link SqlQueries}
 * (Hibernate 6 takes the total's scalar subquery in the select list). Hints such as an entity graph apply to the page's statement.
 */
public final class JpqlQueries {

    private JpqlQueries() {
    }

    /** The total is the last element of an offset page's rows. */
    public static <R> Page<R> page(EntityManager em, PagedQuery query, PageRequest page, Map<String, Object> hints,
                                   Function<Object[], R> mapper, Function<Object[], Cursor> cursorOf) {
        Query select = prepare(em, query.pageQuery(page), query.pageParameters(page))
                .setFirstResult((int) Math.min(page.offset(), Integer.MAX_VALUE))
                .setMaxResults(page.rowsToRead());
        hints.forEach(select::setHint);
        // A single selected item comes back bare, several as an array.
        List<Object[]> rows = ((List<?>) select.getResultList()).stream()
                .map(row -> row instanceof Object[] columns ? columns : new Object[]{row}).toList();
        long total = 0;
        if (!page.keyset()) {
            total = rows.isEmpty() ? (page.offset() == 0 ? 0 : count(em, query))
                    : ((Number) rows.get(0)[rows.get(0).length - 1]).longValue();
        }
        return Page.of(rows, total, page, mapper, cursorOf);
    }

    /** Binds the {@code ?} placeholders as JPQL's numbered ones. */
    public static Query prepare(EntityManager em, String text, List<Object> parameters) {
        StringBuilder numbered = new StringBuilder(text.length() + 8);
        int position = 0;
        for (char c : text.toCharArray()) {
            numbered.append(c);
            if (c == '?') {
                numbered.append(++position);
            }
        }
        Query query = em.createQuery(numbered.toString());
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return query;
    }

    private static long count(EntityManager em, PagedQuery query) {
        return ((Number) prepare(em, query.countQuery(), query.countParameters()).getSingleResult()).longValue();
    }
}
