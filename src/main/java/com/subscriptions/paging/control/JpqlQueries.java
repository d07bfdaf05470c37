package com.subscriptions.paging.control;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.persistence.TypedQuery;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * JPQL reads of selected columns, each row a {@link Tuple} read by the aliases of the select list
 * ({@code p.name AS name}), never by position: one statement a page, like {@link SqlQueries} (Hibernate 6 takes
 * the total's scalar subquery in the select list). Hints such as an entity graph apply to the page's statement.
 */
public final class JpqlQueries {

    private JpqlQueries() {
    }

    /** An offset page's rows carry the total, aliased {@link PagedQuery#TOTAL}. */
    public static <R> Page<R> page(EntityManager em, PagedQuery query, PageRequest page, Map<String, Object> hints,
                                   Function<Tuple, R> mapper, Function<Tuple, Cursor> cursorOf) {
        TypedQuery<Tuple> select = prepare(em, query.pageQuery(page), query.pageParameters(page), Tuple.class)
                .setFirstResult((int) Math.min(page.offset(), Integer.MAX_VALUE))
                .setMaxResults(page.rowsToRead());
        hints.forEach(select::setHint);
        List<Tuple> rows = select.getResultList();
        long total = 0;
        if (!page.keyset()) {
            total = rows.isEmpty() ? (page.offset() == 0 ? 0 : count(em, query))
                    : rows.get(0).get(PagedQuery.TOTAL, Number.class).longValue();
        }
        return Page.of(rows, total, page, mapper, cursorOf);
    }

    /** Binds the {@code ?} placeholders as JPQL's numbered ones. */
    public static Query prepare(EntityManager em, String text, List<Object> parameters) {
        return bind(em.createQuery(numbered(text)), parameters);
    }

    /** Binds the {@code ?} placeholders as JPQL's numbered ones; a {@link Tuple} row is read by alias. */
    public static <T> TypedQuery<T> prepare(EntityManager em, String text, List<Object> parameters, Class<T> type) {
        return bind(em.createQuery(numbered(text), type), parameters);
    }

    private static String numbered(String text) {
        StringBuilder numbered = new StringBuilder(text.length() + 8);
        int position = 0;
        for (char c : text.toCharArray()) {
            numbered.append(c);
            if (c == '?') {
                numbered.append(++position);
            }
        }
        return numbered.toString();
    }

    private static <Q extends Query> Q bind(Q query, List<Object> parameters) {
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return query;
    }

    private static long count(EntityManager em, PagedQuery query) {
        return ((Number) prepare(em, query.countQuery(), query.countParameters()).getSingleResult()).longValue();
    }
}
