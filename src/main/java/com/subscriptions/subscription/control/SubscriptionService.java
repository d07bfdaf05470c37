package com.subscriptions.subscription.control;

import com.subscriptions.plan.entity.SubscriptionPlan;
import com.subscriptions.platform.control.Caller;
import com.subscriptions.platform.control.Constraints;
import com.subscriptions.platform.entity.Conflict;
import com.subscriptions.platform.entity.InvalidInput;
import com.subscriptions.platform.entity.NotFound;
import com.subscriptions.platform.entity.NotPermitted;
import com.subscriptions.subscription.entity.Proration;
import com.subscriptions.subscription.entity.SubscriptionEvent;
import com.subscriptions.subscription.entity.SubscriptionStatus;
import com.subscriptions.subscription.entity.UserSubscription;
import com.subscriptions.user.entity.User;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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
    EventRecorder recorder;

    @Inject
    @ConfigProperty(name = "subscriptions.require-verified-email", defaultValue = "false")
    boolean requireVerifiedEmail;

    public UserSubscription subscribe(long userId, long planId, int quantity, boolean autoRenew, Integer trialDays,
                                      Caller caller) {
        SubscriptionPlan plan = offeredPlan(planId, caller);
        requireVerifiedEmail(userId);
        requireNoLiveSubscription(userId);
        return store(UserSubscription.start(userId, plan, quantity, autoRenew,
                trialDays(userId, plan, trialDays, caller), clock), caller);
    }

    /**
     * The trial a subscription starts with: the plan's, or fewer days when asked (0: none); only an admin grants
     * more. One trial per user and plan: a user who had a trial of the plan before starts without one.
     */
    private int trialDays(long userId, SubscriptionPlan plan, Integer asked, Caller caller) {
        int days = asked == null ? plan.trialDays() : asked;
        if (days > plan.trialDays() && !caller.admin()) {
            throw InvalidInput.of("trial_days", "must not exceed the plan's trial of " + plan.trialDays() + " days");
        }
        boolean hadTrial = days > 0 && !em.createQuery("select s.id from UserSubscription s where s.userId = :user "
                        + "and s.plan.id = :plan and s.trialEndDate is not null", Long.class)
                .setParameter("user", userId).setParameter("plan", plan.id()).setMaxResults(1)
                .getResultList().isEmpty();
        return hadTrial ? 0 : days;
    }

    /** With {@code subscriptions.require-verified-email} (off by default: the original's clients never verified). */
    private void requireVerifiedEmail(long userId) {
        if (requireVerifiedEmail) {
            User user = em.find(User.class, userId);
            if (user == null || !user.emailVerified()) {
                throw new NotPermitted("Verify your email address before subscribing (POST /auth/verify-email/resend "
                        + "mails a new link)");
            }
        }
    }

    /** A plan the caller may subscribe or change to: a hidden plan exists for admins only. */
    private SubscriptionPlan offeredPlan(long planId, Caller caller) {
        SubscriptionPlan plan = plan(planId);
        if (!plan.isPublic() && !caller.admin()) {
            throw planNotFound(planId);
        }
        return plan;
    }

    private UserSubscription store(UserSubscription subscription, Caller caller) {
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
        record(subscription, SubscriptionEvent.Type.SUBSCRIBED, null, null, caller);
        return subscription;
    }

    /** An admin gives a user a live subscription with no period end. */
    public UserSubscription grantIndefinite(long userId, long planId, int quantity, Caller caller) {
        if (em.find(User.class, userId) == null) {
            throw new NotFound("User " + userId + " not found");
        }
        SubscriptionPlan plan = plan(planId);
        requireNoLiveSubscription(userId);
        return store(UserSubscription.indefinite(userId, plan, quantity, clock), caller);
    }

    public PlanChange changePlan(long userId, long planId, boolean prorate, boolean atPeriodEnd, Caller caller) {
        UserSubscription subscription = live(userId).orElseThrow(() -> new NotFound(NONE_LIVE));
        SubscriptionPlan target = offeredPlan(planId, caller);
        Long from = subscription.plan().id();
        Optional<Proration> proration = subscription.changePlan(target, prorate, atPeriodEnd, clock);
        record(subscription, atPeriodEnd ? SubscriptionEvent.Type.PLAN_CHANGE_SCHEDULED
                : SubscriptionEvent.Type.PLAN_CHANGED, from, proration.orElse(null), caller);
        return new PlanChange(subscription, proration.orElse(null));
    }

    public UserSubscription cancel(long userId, boolean atPeriodEnd, Caller caller) {
        UserSubscription subscription = live(userId).orElseThrow(() -> new NotFound(NONE_LIVE));
        subscription.cancel(atPeriodEnd, clock);
        record(subscription, subscription.cancelAtPeriodEnd() ? SubscriptionEvent.Type.CANCEL_SCHEDULED
                : SubscriptionEvent.Type.CANCELED, null, null, caller);
        return subscription;
    }

    public UserSubscription reactivate(long userId, Caller caller) {
        UserSubscription subscription = live(userId).filter(UserSubscription::cancelAtPeriodEnd)
                .orElseThrow(() -> new NotFound("No cancellation is scheduled"));
        subscription.reactivate(clock);
        record(subscription, SubscriptionEvent.Type.REACTIVATED, null, null, caller);
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
     * is loaded afterwards, so that changes of many users never queue on a plan's row). Found through the unique
     * index of live subscriptions ({@code live_user_id}), which locks that one entry: a locking read by user and
     * status locked every subscription of the user's history and the gap after it, where the next user's new
     * subscription goes, and deadlocked with that user's subscribe (about twice a second under 16 writers).
     */
    private Optional<UserSubscription> live(long userId) {
        @SuppressWarnings("unchecked")
        List<UserSubscription> candidates = em.createNativeQuery("SELECT s.* FROM user_subscriptions s "
                        + "WHERE s.live_user_id = ? FOR UPDATE", UserSubscription.class)
                .setParameter(1, userId)
                .getResultList();
        return candidates.stream().filter(s -> s.isLive(clock)).findFirst();
    }

    private SubscriptionPlan plan(long planId) {
        return Optional.ofNullable(em.find(SubscriptionPlan.class, planId))
                .orElseThrow(() -> planNotFound(planId));
    }

    private void record(UserSubscription subscription, SubscriptionEvent.Type type, Long fromPlan, Proration proration,
                        Caller caller) {
        recorder.record(subscription, type, fromPlan, proration, caller.name(), caller.requestId(), clock.instant());
    }

    private static NotFound planNotFound(long planId) {
        return new NotFound("Plan " + planId + " not found");
    }

    private static Conflict conflict() {
        return new Conflict(ALREADY_LIVE);
    }

    /** A plan change and, for an immediate prorated one, its amounts. */
    public record PlanChange(UserSubscription subscription, Proration proration) {
    }
}
