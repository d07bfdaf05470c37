package com.subscriptions.platform.control;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * An offset page of a JPA Criteria query in at most two statements: the count, then the page (skipped when the
 * page lies past the end). Fetch joins are applied to the page query only.
 */
public final class CriteriaPaging<T> {

    private final EntityManager em;
    private final Class<T> type;
    private BiFunction<CriteriaBuilder, Root<T>, List<Predicate>> where = (cb, root) -> List.of();
    private BiFunction<CriteriaBuilder, Root<T>, List<Order>> order = (cb, root) -> List.of();
    private Consumer<Root<T>> fetches = root -> { };

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

    public CriteriaPaging<T> orderBy(BiFunction<CriteriaBuilder, Root<T>, List<Order>> order) {
        this.order = order;
        return this;
    }

    public CriteriaPaging<T> fetching(Consumer<Root<T>> fetches) {
        this.fetches = fetches;
        return this;
    }

    public <R> Page<R> page(PageRequest page, Function<T, R> view) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        Root<T> counted = count.from(type);
        count.select(cb.count(counted)).where(where.apply(cb, counted).toArray(Predicate[]::new));
        long total = em.createQuery(count).getSingleResult();
        if (page.offset() >= total) {
            return new Page<>(List.of(), total, page);
        }
        CriteriaQuery<T> select = cb.createQuery(type);
        Root<T> root = select.from(type);
        fetches.accept(root);
        select.where(where.apply(cb, root).toArray(Predicate[]::new)).orderBy(order.apply(cb, root));
        List<R> items = em.createQuery(select)
                .setFirstResult((int) page.offset())
                .setMaxResults(page.perPage())
                .getResultStream().map(view).toList();
        return new Page<>(items, total, page);
    }
}
