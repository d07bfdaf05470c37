package com.subscriptions.subscription.entity;

import com.subscriptions.plan.entity.SubscriptionPlan;
import com.subscriptions.platform.entity.InvalidInput;
import com.subscriptions.platform.entity.RuleViolation;
import com.subscriptions.user.entity.User;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedAttributeNode;
import jakarta.persistence.NamedEntityGraph;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A user's subscription to a plan, and its lifecycle:
 * <pre>
 *   start ──▶ trial ──(trial ends)──▶ active ──(period ends, auto-renew)──▶ active (next period)
 *                                       │ cancel now ─────────────────────▶ canceled
 *                                       │ cancel at period end ─(period ends)─▶ canceled  (reactivate undoes it before)
 *                                       └ period ends without renewal ────▶ expired
 * </pre>
 * trial and active are "live": a user has at most one live subscription (the database enforces it too). A plan
 * change takes effect now (with an optional proration of the unused period) or at the next renewal
 * ({@code pendingPlan}). Every method takes the clock, so tests can move time.
 */
@Entity
@Table(name = "user_subscriptions")
@NamedEntityGraph(name = UserSubscription.WITH_PLANS,
        attributeNodes = {@NamedAttributeNode("plan"), @NamedAttributeNode("pendingPlan")})
public class UserSubscription {

    /** The subscription with its plan and pending plan, loaded in the same statement. */
    public static final String WITH_PLANS = "UserSubscription.withPlans";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id")
    private long userId;

    /** Read-only view of the subscriber, for the admin lists; {@link #userId} is what is written. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "user_id", insertable = false, updatable = false)
    private User user;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "plan_id")
    private SubscriptionPlan plan;

    private SubscriptionStatus status;

    @Column(name = "start_date")
    private Instant startDate;

    @Column(name = "end_date")
    private Instant endDate;

    @Column(name = "trial_end_date")
    private Instant trialEndDate;

    @Column(name = "canceled_at")
    private Instant canceledAt;

    @Column(name = "current_period_start")
    private Instant currentPeriodStart;

    @Column(name = "current_period_end")
    private Instant currentPeriodEnd;

    @Column(name = "payment_status")
    private PaymentStatus paymentStatus;

    private int quantity;

    @Column(name = "cancel_at_period_end")
    private boolean cancelAtPeriodEnd;

    @Column(name = "auto_renew")
    private boolean autoRenew;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "pending_plan_id")
    private SubscriptionPlan pendingPlan;

    @Version
    private long version;

    /** How many events have been announced about this subscription (webhooks): their sequence numbers. */
    @Column(name = "event_sequence")
    private int eventSequence;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected UserSubscription() {
        // for JPA
    }

    /**
     * Subscribes now. With trial days the subscription starts as a trial whose period is the trial; the paid
     * period starts when the trial ends. Otherwise the first paid period starts now.
     */
    public static UserSubscription start(long userId, SubscriptionPlan plan, int quantity, boolean autoRenew,
                                         int trialDays, Clock clock) {
        if (!plan.isActive()) {
            throw new RuleViolation("Cannot subscribe to inactive plan");
        }
        if (quantity < 1) {
            throw new RuleViolation("Quantity must be at least 1");
        }
        if (plan.maxUsers() != null && quantity > plan.maxUsers()) {
            throw InvalidInput.of("quantity", "must not exceed the plan's max_users (" + plan.maxUsers() + ")");
        }
        UserSubscription subscription = new UserSubscription();
        Instant now = clock.instant();
        subscription.userId = userId;
        subscription.plan = plan;
        subscription.quantity = quantity;
        subscription.autoRenew = autoRenew;
        subscription.startDate = now;
        subscription.currentPeriodStart = now;
        if (trialDays > 0) {
            subscription.status = SubscriptionStatus.TRIAL;
            subscription.trialEndDate = now.plus(Duration.ofDays(trialDays));
            subscription.currentPeriodEnd = subscription.trialEndDate;
            subscription.paymentStatus = PaymentStatus.PENDING;
        } else {
            subscription.status = SubscriptionStatus.ACTIVE;
            subscription.currentPeriodEnd = plan.periodEnd(now);
            subscription.paymentStatus = PaymentStatus.PAID;
        }
        subscription.createdAt = now;
        subscription.updatedAt = now;
        return subscription;
    }

    /** An admin's grant: active with no period end, so never renewed nor expired. */
    public static UserSubscription indefinite(long userId, SubscriptionPlan plan, int quantity, Clock clock) {
        UserSubscription subscription = start(userId, plan, quantity, false, 0, clock);
        subscription.currentPeriodEnd = null;
        return subscription;
    }

    /** Live: trial or active, and inside its period (an indefinite subscription has no period end). */
    public boolean isLive(Clock clock) {
        return status.isLive() && (currentPeriodEnd == null || clock.instant().isBefore(currentPeriodEnd));
    }

    /**
     * Moves to another plan. Immediately (upgrade or downgrade), with a proration of the unused paid period when
     * asked; or at the end of the period, when the change waits as the pending plan.
     *
     * @return the proration of an immediate, prorated change of a paid period
     */
    public Optional<Proration> changePlan(SubscriptionPlan target, boolean prorate, boolean atPeriodEnd, Clock clock) {
        requireLive(clock);
        if (target.id().equals(plan.id())) {
            throw new RuleViolation("Already subscribed to this plan");
        }
        if (!target.isActive()) {
            throw new RuleViolation("Cannot change to inactive plan");
        }
        if (target.maxUsers() != null && quantity > target.maxUsers()) {
            throw InvalidInput.of("plan_id", "the plan allows at most " + target.maxUsers() + " users; the "
                    + "subscription has " + quantity);
        }
        Instant now = clock.instant();
        updatedAt = now;
        if (atPeriodEnd) {
            pendingPlan = target;
            return Optional.empty();
        }
        Optional<Proration> proration = prorate && status == SubscriptionStatus.ACTIVE && currentPeriodEnd != null
                ? Optional.of(Proration.of(plan.price(), target.price(), quantity, currentPeriodStart,
                currentPeriodEnd, now, target.currency()))
                : Optional.empty();
        plan = target;
        pendingPlan = null;
        return proration;
    }

    /** Ends now, or stays active until the period ends and is not renewed. */
    public void cancel(boolean atPeriodEnd, Clock clock) {
        requireLive(clock);
        Instant now = clock.instant();
        canceledAt = now;
        autoRenew = false;
        updatedAt = now;
        if (atPeriodEnd && currentPeriodEnd != null) {
            cancelAtPeriodEnd = true;
        } else {
            status = SubscriptionStatus.CANCELED;
            endDate = now;
            cancelAtPeriodEnd = false;
        }
    }

    /** Undoes a cancellation scheduled for the period end, while the period lasts. */
    public void reactivate(Clock clock) {
        if (!cancelAtPeriodEnd || !isLive(clock)) {
            throw new RuleViolation("No cancellation is scheduled");
        }
        cancelAtPeriodEnd = false;
        canceledAt = null;
        autoRenew = true;
        updatedAt = clock.instant();
    }

    /**
     * What happens when the current period has ended (the lifecycle job calls it): a cancellation scheduled for
     * the period end takes effect; a trial or an auto-renewing subscription starts its next paid period (on the
     * pending plan, if one waits); anything else expires. Does nothing before the period end, nor to an ended or
     * indefinite subscription, so calling it twice changes nothing more.
     *
     * @return the transition that happened, if any
     */
    public Optional<SubscriptionEvent.Type> advance(Clock clock) {
        if (!status.isLive() || currentPeriodEnd == null || clock.instant().isBefore(currentPeriodEnd)) {
            return Optional.empty();
        }
        Instant periodEnd = currentPeriodEnd;
        updatedAt = clock.instant();
        if (cancelAtPeriodEnd) {
            status = SubscriptionStatus.CANCELED;
            endDate = periodEnd;
            return Optional.of(SubscriptionEvent.Type.CANCELED);
        }
        if (!autoRenew) {
            status = SubscriptionStatus.EXPIRED;
            endDate = periodEnd;
            return Optional.of(SubscriptionEvent.Type.EXPIRED);
        }
        SubscriptionEvent.Type transition = status == SubscriptionStatus.TRIAL
                ? SubscriptionEvent.Type.TRIAL_ENDED : SubscriptionEvent.Type.RENEWED;
        if (pendingPlan != null) {
            plan = pendingPlan;
            pendingPlan = null;
        }
        status = SubscriptionStatus.ACTIVE;
        paymentStatus = PaymentStatus.PAID;
        currentPeriodStart = periodEnd;
        currentPeriodEnd = plan.periodEnd(periodEnd);
        return Optional.of(transition);
    }

    private void requireLive(Clock clock) {
        if (!isLive(clock)) {
            throw new RuleViolation("Subscription is not active");
        }
    }

    public Long id() {
        return id;
    }

    public long userId() {
        return userId;
    }

    public User user() {
        return user;
    }

    public SubscriptionPlan plan() {
        return plan;
    }

    public SubscriptionStatus status() {
        return status;
    }

    public Instant startDate() {
        return startDate;
    }

    public Instant endDate() {
        return endDate;
    }

    public Instant trialEndDate() {
        return trialEndDate;
    }

    public Instant canceledAt() {
        return canceledAt;
    }

    public Instant currentPeriodStart() {
        return currentPeriodStart;
    }

    public Instant currentPeriodEnd() {
        return currentPeriodEnd;
    }

    public PaymentStatus paymentStatus() {
        return paymentStatus;
    }

    /** The sequence number of the next event announced about this subscription (1, 2, …, never reused). */
    public int nextEventSequence() {
        return ++eventSequence;
    }

    public int quantity() {
        return quantity;
    }

    public boolean cancelAtPeriodEnd() {
        return cancelAtPeriodEnd;
    }

    public boolean autoRenew() {
        return autoRenew;
    }

    public SubscriptionPlan pendingPlan() {
        return pendingPlan;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
