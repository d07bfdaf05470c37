package com.subscriptions.plan.control;

import com.subscriptions.paging.control.CriteriaPaging;
import com.subscriptions.paging.control.Cursor;
import com.subscriptions.paging.control.Page;
import com.subscriptions.paging.control.PageRequest;
import com.subscriptions.plan.entity.SubscriptionPlan;
import com.subscriptions.versioning.control.ApiVersion;
import com.subscriptions.versioning.control.ReadStrategy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.Predicate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * v1: plans read through JPA Criteria queries. At most two statements a list: the count, then the page (keyset
 * mode: the page only).
 */
@ApplicationScoped
@ReadStrategy(ApiVersion.V1)
public class CriteriaPlanReads implements PlanReads {

    @PersistenceContext
    EntityManager em;

    @Override
    public Page<PlanView> list(PlanFilter filter, PageRequest page) {
        return CriteriaPaging.of(em, SubscriptionPlan.class)
                .where((cb, plan) -> {
                    List<Predicate> where = new ArrayList<>(2);
                    if (filter.publicOnly()) {
                        where.add(cb.isTrue(plan.get("isPublic")));
                    }
                    if (filter.status() != null) {
                        where.add(cb.equal(plan.get("status"), filter.status()));
                    }
                    return where;
                })
                .sortedBy("sortOrder", false)
                .page(page, PlanView::of, plan -> Cursor.of(plan.sortOrder(), plan.id()));
    }

    @Override
    public Optional<PlanView> byId(long id) {
        return Optional.ofNullable(em.find(SubscriptionPlan.class, id)).map(PlanView::of);
    }
}
