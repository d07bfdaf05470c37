package com.subscriptions.subscription.control;

import com.subscriptions.plan.entity.SubscriptionPlan;
import com.subscriptions.platform.boundary.Problem;
import com.subscriptions.platform.boundary.ProblemException;
import com.subscriptions.platform.control.ClientInfo;
import com.subscriptions.platform.control.Constraints;
import com.subscriptions.subscription.entity.Proration;
import com.subscriptions.subscription.entity.SubscriptionEvent;
import com.subscriptions.subscription.entity.SubscriptionStatus;
import com.subscriptions.subscription.entity.UserSubscription;
import com.subscriptions.user.control.UserDataChanged;
import com.subscriptions.user.entity.User;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The one write path of subscriptions, shared by every API version: load, let the entity apply its rules,
 * store, and record the event in the same transaction.
 */
@Stateless
public class SubscriptionService {

    static final String ALREADY_LIVE = "User already has an active subscription";
    static final String NONE_LIVE = "No active subscription found";

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<UserDataChanged> changes;

    public UserSubscription subscribe(long userId, long planId, int quantity, boolean autoRenew, Integer trialDays,
                                      String actor, ClientInfo client) {
        SubscriptionPlan plan = plan(planId);
        requireNoLiveSubscription(userId);
        return store(UserSubscription.start(userId, plan, quantity, autoRenew,
                trialDays == null ? plan.trialDays() : trialDays, clock), actor, client);
    }

    private UserSubscription store(UserSubscription subscription, String actor, ClientInfo client) {
        try {
            em.persist(subscription);
            em.flush();
        } catch (PersistenceException e) {
            if (Constraints.violated(e, "uq_subscriptions_one_live_per_user")) {
                // A concurrent subscribe won: the database's one-live-subscription key refused this row.
                throw conflict();
            }
            throw e;
        }
        record(subscription, SubscriptionEvent.Type.SUBSCRIBED, null, null, actor, client);
        return subscription;
    }

    /** An admin gives a user a live subscription with no period end. */
    public UserSubscription grantIndefinite(long userId, long planId, int quantity, String actor, ClientInfo client) {
        if (em.find(User.class, userId) == null) {
            throw ProblemException.notFound("User " + userId + " not found");
        }
        SubscriptionPlan plan = plan(planId);
        requireNoLiveSubscription(userId);
        return store(UserSubscription.indefinite(userId, plan, quantity, clock), actor, client);
    }

    public PlanChange changePlan(long userId, long planId, boolean prorate, boolean atPeriodEnd, String actor,
                                 ClientInfo client) {
        UserSubscription subscription = live(userId).orElseThrow(() -> ProblemException.notFound(NONE_LIVE));
        SubscriptionPlan target = plan(planId);
        Long from = subscription.plan().id();
        Optional<Proration> proration = subscription.changePlan(target, prorate, atPeriodEnd, clock);
        record(subscription, atPeriodEnd ? SubscriptionEvent.Type.PLAN_CHANGE_SCHEDULED
                : SubscriptionEvent.Type.PLAN_CHANGED, from, proration.orElse(null), actor, client);
        return new PlanChange(subscription, proration.orElse(null));
    }

    public UserSubscription cancel(long userId, boolean atPeriodEnd, String actor, ClientInfo client) {
        UserSubscription subscription = live(userId).orElseThrow(() -> ProblemException.notFound(NONE_LIVE));
        subscription.cancel(atPeriodEnd, clock);
        record(subscription, subscription.cancelAtPeriodEnd() ? SubscriptionEvent.Type.CANCEL_SCHEDULED
                : SubscriptionEvent.Type.CANCELED, null, null, actor, client);
        return subscription;
    }

    public UserSubscription reactivate(long userId, String actor, ClientInfo client) {
        UserSubscription subscription = live(userId).filter(UserSubscription::cancelAtPeriodEnd)
                .orElseThrow(() -> ProblemException.notFound("No cancellation is scheduled"));
        subscription.reactivate(clock);
        record(subscription, SubscriptionEvent.Type.REACTIVATED, null, null, actor, client);
        return subscription;
    }

    /**
     * A quick refusal for the common case. Not a lock: two concurrent subscribes both pass it, and the database's
     * one-live-subscription key refuses the second insert (see {@link #store}). A locking read here would take
     * InnoDB gap locks and turn such races into deadlocks.
     */
    private void requireNoLiveSubscription(long userId) {
        boolean live = !em.createQuery("select s.id from UserSubscription s "
                        + "where s.userId = :user and s.status in :live", Long.class)
                .setParameter("user", userId)
                .setParameter("live", SubscriptionStatus.LIVE)
                .getResultList().isEmpty();
        if (live) {
            throw conflict();
        }
    }

    /**
     * The user's live subscription, its row locked for the change about to be made to it (only that row: the plan
     * is loaded afterwards, so that changes of many users never queue on a plan's row).
     */
    private Optional<UserSubscription> live(long userId) {
        List<UserSubscription> candidates = em.createQuery("select s from UserSubscription s "
                        + "where s.userId = :user and s.status in :live", UserSubscription.class)
                .setParameter("user", userId)
                .setParameter("live", SubscriptionStatus.LIVE)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        return candidates.stream().filter(s -> s.isLive(clock)).findFirst();
    }

    private SubscriptionPlan plan(long planId) {
        return Optional.ofNullable(em.find(SubscriptionPlan.class, planId))
                .orElseThrow(() -> ProblemException.notFound("Plan " + planId + " not found"));
    }

    private void record(UserSubscription subscription, SubscriptionEvent.Type type, Long fromPlan, Proration proration,
                        String actor, ClientInfo client) {
        em.persist(new SubscriptionEvent(subscription, type, fromPlan, proration, actor, client.requestId(),
                clock.instant()));
        changes.fire(new UserDataChanged(subscription.userId()));
    }

    private static ProblemException conflict() {
        return new ProblemException(Problem.of(409, ALREADY_LIVE));
    }

    /** A plan change and, for an immediate prorated one, its amounts. */
    public record PlanChange(UserSubscription subscription, Proration proration) {
    }
}
