package com.subscriptions.paging.control;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A page of a JPA Criteria query, ordered by a sort attribute and the id. Offset mode costs two statements, the
 * count and the page (skipped when the page lies past the end); keyset mode one, the rows after the cursor. Fetch
 * joins are applied to the page query only.
 */
public final class CriteriaPaging<T> {

    private final EntityManager em;
    private final Class<T> type;
    private BiFunction<CriteriaBuilder, Root<T>, List<Predicate>> where = (cb, root) -> List.of();
    private String sortAttribute = "id";
    private boolean descending;
    private Consumer<Root<T>> fetches = root -> { };
    private BiFunction<CriteriaBuilder, CriteriaQuery<Long>, Expression<Long>> total;

    private CriteriaPaging(EntityManager em, Class<T> type) {
        this.em = em;
        this.type = type;
    }

    public static <T> CriteriaPaging<T> of(EntityManager em, Class<T> type) {
        return new CriteriaPaging<>(em, type);
    }

    public CriteriaPaging<T> where(BiFunction<CriteriaBuilder, Root<T>, List<Predicate>> where) {
        this.where = where;
        return this;
    }

    /** Orders by the attribute, then by id, in one direction. */
    public CriteriaPaging<T> sortedBy(String attribute, boolean descending) {
        this.sortAttribute = attribute;
        this.descending = descending;
        return this;
    }

    public CriteriaPaging<T> fetching(Consumer<Root<T>> fetches) {
        this.fetches = fetches;
        return this;
    }

    /**
     * The total as this expression (subqueries over counts kept elsewhere, say) instead of a count of the rows:
     * for a list whose count would walk too many rows. It must equal that count.
     */
    public CriteriaPaging<T> totalAs(BiFunction<CriteriaBuilder, CriteriaQuery<Long>, Expression<Long>> total) {
        this.total = total;
        return this;
    }

    public <R> Page<R> page(PageRequest page, Function<T, R> view, Function<T, Cursor> cursorOf) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        Long total = null;
        if (!page.keyset()) {
            total = em.createQuery(countQuery(cb)).getSingleResult();
            if (page.offset() >= total) {
                return new Page<>(List.of(), total, page, null);
            }
        }
        CriteriaQuery<T> select = cb.createQuery(type);
        Root<T> root = select.from(type);
        fetches.accept(root);
        List<Predicate> conditions = new ArrayList<>(where.apply(cb, root));
        if (page.cursor() != null) {
            conditions.add(after(cb, root, page.cursor()));
        }
        Path<Comparable<Object>> key = root.get(sortAttribute);
        Path<Comparable<Object>> id = root.get("id");
        select.where(conditions.toArray(Predicate[]::new))
                .orderBy(descending ? List.of(cb.desc(key), cb.desc(id)) : List.of(cb.asc(key), cb.asc(id)));
        List<T> rows = em.createQuery(select)
                .setFirstResult((int) page.offset())
                .setMaxResults(page.rowsToRead())
                .getResultList();
        return Page.of(rows, total, page, view, cursorOf);
    }

    private CriteriaQuery<Long> countQuery(CriteriaBuilder cb) {
        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        if (this.total != null) {
            return count.select(this.total.apply(cb, count));
        }
        Root<T> counted = count.from(type);
        return count.select(cb.count(counted)).where(where.apply(cb, counted).toArray(Predicate[]::new));
    }

    /** Rows after the cursor in the list's order: key beyond the cursor's, or the same key and a later id. */
    private Predicate after(CriteriaBuilder cb, Root<T> root, Cursor cursor) {
        Path<Comparable<Object>> key = root.get(sortAttribute);
        Path<Comparable<Object>> id = root.get("id");
        @SuppressWarnings("unchecked")
        Comparable<Object> keyValue = (Comparable<Object>) cursor.key(key.getJavaType());
        Comparable<Object> idValue = (Comparable<Object>) (Object) cursor.id();
        return descending
                ? cb.or(cb.lessThan(key, keyValue), cb.and(cb.equal(key, keyValue), cb.lessThan(id, idValue)))
                : cb.or(cb.greaterThan(key, keyValue), cb.and(cb.equal(key, keyValue), cb.greaterThan(id, idValue)));
    }
}
