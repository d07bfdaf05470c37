package com.subscriptions.plan.control;

import com.subscriptions.audit.control.AuditTrail;
import com.subscriptions.plan.entity.PlanDraft;
import com.subscriptions.plan.entity.SubscriptionPlan;
import com.subscriptions.platform.control.Caller;
import com.subscriptions.platform.control.Constraints;
import com.subscriptions.platform.entity.Conflict;
import com.subscriptions.platform.entity.InvalidInput;
import com.subscriptions.platform.entity.NotFound;
import com.subscriptions.platform.entity.StaleVersion;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/** The admin's use cases of the catalogue: create, update, delete a plan. Each is audited. */
@Stateless
public class PlanCatalog {

    static final String DUPLICATE = "A plan with this name and interval already exists";

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    Event<PlansChanged> changes;

    @Inject
    Clock clock;

    public SubscriptionPlan create(PlanDraft draft, Caller caller) {
        Map<String, String> missing = new LinkedHashMap<>();
        if (draft.name() == null) {
            missing.put("name", "is required");
        }
        if (draft.description() == null) {
            missing.put("description", "is required");
        }
        if (draft.price() == null) {
            missing.put("price", "is required");
        }
        if (!missing.isEmpty()) {
            throw new InvalidInput(missing);
        }
        requireParent(draft.parentId());
        SubscriptionPlan plan = SubscriptionPlan.create(draft, clock);
        store(plan);
        audit.record("plan_created", "plan:" + plan.id(), caller);
        changes.fire(new PlansChanged(PlansChanged.Change.CREATED, PlanView.of(plan)));
        return plan;
    }

    /**
     * @param precondition checked on the locked plan before the change (If-Match): false answers 412
     */
    public SubscriptionPlan update(long id, PlanDraft draft, Predicate<SubscriptionPlan> precondition, Caller caller) {
        SubscriptionPlan plan = find(id);
        em.lock(plan, LockModeType.PESSIMISTIC_WRITE);
        if (!precondition.test(plan)) {
            throw new StaleVersion("The plan has changed since it was read (ETag mismatch)");
        }
        if (draft.parentId() != null && draft.parentId() == id) {
            throw InvalidInput.of("parent_id", "a plan cannot be its own parent");
        }
        requireParent(draft.parentId());
        plan.update(draft, clock);
        store(plan);
        audit.record("plan_updated", "plan:" + id, caller);
        changes.fire(new PlansChanged(PlansChanged.Change.UPDATED, PlanView.of(plan)));
        return plan;
    }

    /** A plan that subscriptions or other plans refer to is kept: deprecate it instead. */
    public void delete(long id, Caller caller) {
        SubscriptionPlan plan = find(id);
        long references = em.createQuery("select count(s) from UserSubscription s "
                        + "where s.plan.id = :id or s.pendingPlan.id = :id", Long.class)
                .setParameter("id", id).getSingleResult()
                + em.createQuery("select count(p) from SubscriptionPlan p where p.parentId = :id", Long.class)
                .setParameter("id", id).getSingleResult();
        if (references > 0) {
            throw new Conflict("Plan " + id + " has subscriptions or child plans and cannot be deleted; mark it deprecated instead");
        }
        PlanView deleted = PlanView.of(plan);
        em.remove(plan);
        audit.record("plan_deleted", "plan:" + id, caller);
        changes.fire(new PlansChanged(PlansChanged.Change.DELETED, deleted));
    }

    private SubscriptionPlan find(long id) {
        SubscriptionPlan plan = em.find(SubscriptionPlan.class, id);
        if (plan == null) {
            throw new NotFound("Plan " + id + " not found");
        }
        return plan;
    }

    private void requireParent(Long parentId) {
        if (parentId != null && em.find(SubscriptionPlan.class, parentId) == null) {
            throw InvalidInput.of("parent_id", "no plan " + parentId);
        }
    }

    private void store(SubscriptionPlan plan) {
        try {
            em.persist(plan);
            em.flush();
        } catch (PersistenceException e) {
            if (Constraints.violated(e, "uq_plans_name_interval")) {
                throw new Conflict(DUPLICATE);
            }
            throw e;
        }
    }
}
