package com.subscriptions.plan.entity;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * A plan of the catalogue: a price per billing interval and the features it grants. Plans are created
 * {@link PlanStatus#ACTIVE}; a plan that has subscriptions is deprecated rather than deleted.
 */
@Entity
@Table(name = "subscription_plans")
public class SubscriptionPlan {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;
    private String description;
    private BigDecimal price;
    private String currency;

    @Column(name = "billing_interval")
    private BillingInterval interval;

    @Column(name = "duration_months")
    private int durationMonths;

    private JsonObject features;
    private PlanStatus status;

    @Column(name = "is_public")
    private boolean isPublic;

    @Column(name = "max_users")
    private Integer maxUsers;

    @Column(name = "parent_id")
    private Long parentId;

    @Column(name = "sort_order")
    private int sortOrder;

    @Column(name = "trial_days")
    private int trialDays;

    @Version
    private long version;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected SubscriptionPlan() {
        // for JPA
    }

    /** A new plan; what the draft leaves out takes the contract's defaults. */
    public static SubscriptionPlan create(PlanDraft draft, Clock clock) {
        SubscriptionPlan plan = new SubscriptionPlan();
        plan.currency = "USD";
        plan.interval = BillingInterval.MONTHLY;
        plan.durationMonths = 1;
        plan.features = JsonValue.EMPTY_JSON_OBJECT;
        plan.status = PlanStatus.ACTIVE;
        plan.isPublic = true;
        plan.createdAt = clock.instant();
        plan.update(draft, clock);
        return plan;
    }

    /** Applies what the draft gives; the rest stays as it is. */
    public void update(PlanDraft draft, Clock clock) {
        name = draft.name() != null ? draft.name() : name;
        description = draft.description() != null ? draft.description() : description;
        price = draft.price() != null ? draft.price() : price;
        currency = draft.currency() != null ? draft.currency() : currency;
        interval = draft.interval() != null ? draft.interval() : interval;
        durationMonths = draft.durationMonths() != null ? draft.durationMonths() : durationMonths;
        features = draft.features() != null ? draft.features() : features;
        status = draft.status() != null ? draft.status() : status;
        isPublic = draft.isPublic() != null ? draft.isPublic() : isPublic;
        maxUsers = draft.maxUsers() != null ? draft.maxUsers() : maxUsers;
        parentId = draft.parentId() != null ? draft.parentId() : parentId;
        sortOrder = draft.sortOrder() != null ? draft.sortOrder() : sortOrder;
        trialDays = draft.trialDays() != null ? draft.trialDays() : trialDays;
        updatedAt = clock.instant();
    }

    /** The end of a billing period that starts at {@code start}: calendar months, in UTC. */
    public Instant periodEnd(Instant start) {
        return start.atZone(ZoneOffset.UTC).plusMonths((long) interval.months() * durationMonths).toInstant();
    }

    public boolean isActive() {
        return status == PlanStatus.ACTIVE;
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public BigDecimal price() {
        return price;
    }

    public String currency() {
        return currency;
    }

    public BillingInterval interval() {
        return interval;
    }

    public int durationMonths() {
        return durationMonths;
    }

    public JsonObject features() {
        return features;
    }

    public PlanStatus status() {
        return status;
    }

    public boolean isPublic() {
        return isPublic;
    }

    public Integer maxUsers() {
        return maxUsers;
    }

    public Long parentId() {
        return parentId;
    }

    public int sortOrder() {
        return sortOrder;
    }

    public int trialDays() {
        return trialDays;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
