package com.subscriptions.plan.control;

import com.subscriptions.plan.entity.SubscriptionPlan;
import com.subscriptions.platform.control.ApiVersion;
import com.subscriptions.platform.control.Page;
import com.subscriptions.platform.control.PageRequest;
import com.subscriptions.platform.control.ReadStrategy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** v1: plans read through JPA Criteria queries. At most two statements a list: the count, then the page. */
@ApplicationScoped
@ReadStrategy(ApiVersion.V1)
public class CriteriaPlanReads implements PlanReads {

    @PersistenceContext
    EntityManager em;

    @Override
    public Page<PlanView> list(PlanFilter filter, PageRequest page) {
        CriteriaBuilder cb = em.getCriteriaBuilder();

        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        Root<SubscriptionPlan> counted = count.from(SubscriptionPlan.class);
        count.select(cb.count(counted)).where(matching(filter, cb, counted));
        long total = em.createQuery(count).getSingleResult();
        if (page.offset() >= total) {
            return new Page<>(List.of(), total, page);
        }

        CriteriaQuery<SubscriptionPlan> select = cb.createQuery(SubscriptionPlan.class);
        Root<SubscriptionPlan> plan = select.from(SubscriptionPlan.class);
        select.where(matching(filter, cb, plan))
                .orderBy(cb.asc(plan.get("sortOrder")), cb.asc(plan.get("id")));
        List<PlanView> plans = em.createQuery(select)
                .setFirstResult((int) page.offset())
                .setMaxResults(page.perPage())
                .getResultStream().map(PlanView::of).toList();
        return new Page<>(plans, total, page);
    }

    @Override
    public Optional<PlanView> byId(long id) {
        return Optional.ofNullable(em.find(SubscriptionPlan.class, id)).map(PlanView::of);
    }

    private static Predicate[] matching(PlanFilter filter, CriteriaBuilder cb, Root<SubscriptionPlan> plan) {
        List<Predicate> where = new ArrayList<>(2);
        if (filter.publicOnly()) {
            where.add(cb.isTrue(plan.get("isPublic")));
        }
        if (filter.status() != null) {
            where.add(cb.equal(plan.get("status"), filter.status()));
        }
        return where.toArray(Predicate[]::new);
    }
}
