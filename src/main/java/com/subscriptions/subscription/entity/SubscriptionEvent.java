package com.subscriptions.subscription.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;

/** One change of a subscription, recorded in the transaction that made it. Never updated. */
@Entity
@Table(name = "subscription_events")
public class SubscriptionEvent {

    /** What happened. */
    public enum Type {
        SUBSCRIBED, PLAN_CHANGED, PLAN_CHANGE_SCHEDULED, CANCELED, CANCEL_SCHEDULED, REACTIVATED,
        TRIAL_ENDED, RENEWED, EXPIRED;

        public String value() {
            return name().toLowerCase();
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "subscription_id")
    private long subscriptionId;

    @Column(name = "user_id")
    private long userId;

    private String type;

    @Column(name = "from_plan_id")
    private Long fromPlanId;

    @Column(name = "to_plan_id")
    private Long toPlanId;

    private BigDecimal credit;
    private BigDecimal charge;
    private BigDecimal net;
    private String currency;
    private String actor;

    @Column(name = "request_id")
    private String requestId;

    @Column(name = "created_at")
    private Instant createdAt;

    protected SubscriptionEvent() {
        // for JPA
    }

    public SubscriptionEvent(UserSubscription subscription, Type type, Long fromPlanId, Proration proration,
                             String actor, String requestId, Instant at) {
        this.subscriptionId = subscription.id();
        this.userId = subscription.userId();
        this.type = type.value();
        this.fromPlanId = fromPlanId;
        this.toPlanId = type == Type.PLAN_CHANGE_SCHEDULED ? subscription.pendingPlan().id() : subscription.plan().id();
        if (proration != null) {
            this.credit = proration.credit();
            this.charge = proration.charge();
            this.net = proration.net();
            this.currency = proration.currency();
        }
        this.actor = actor;
        this.requestId = requestId;
        this.createdAt = at;
    }

    public Long id() {
        return id;
    }

    public long subscriptionId() {
        return subscriptionId;
    }

    /** {@link #type()} as the enum. */
    public Type kind() {
        return Type.valueOf(type.toUpperCase(java.util.Locale.ROOT));
    }

    public String type() {
        return type;
    }

    public Long fromPlanId() {
        return fromPlanId;
    }

    public Long toPlanId() {
        return toPlanId;
    }

    /** The proration stored with a plan change, if there was one. */
    public Proration proration() {
        return credit == null ? null : new Proration(credit, charge, net, currency);
    }

    public String actor() {
        return actor;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
