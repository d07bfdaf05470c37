package com.subscriptions.webhook.entity;

import java.util.Arrays;
import java.util.List;

/** What a webhook announces: {@code <object>.<what happened>}, as receivers subscribe to them. */
public enum EventType {
    SUBSCRIPTION_CREATED("subscription.created"),
    SUBSCRIPTION_TRIAL_STARTED("subscription.trial_started"),
    SUBSCRIPTION_TRIAL_ENDED("subscription.trial_ended"),
    SUBSCRIPTION_PLAN_CHANGED("subscription.plan_changed"),
    SUBSCRIPTION_PLAN_CHANGE_SCHEDULED("subscription.plan_change_scheduled"),
    SUBSCRIPTION_CANCEL_SCHEDULED("subscription.cancel_scheduled"),
    SUBSCRIPTION_REACTIVATED("subscription.reactivated"),
    SUBSCRIPTION_RENEWED("subscription.renewed"),
    SUBSCRIPTION_CANCELED("subscription.canceled"),
    SUBSCRIPTION_EXPIRED("subscription.expired"),
    PLAN_CREATED("plan.created"),
    PLAN_UPDATED("plan.updated"),
    PLAN_DELETED("plan.deleted"),
    /** Sent only by the admin's "send a test event", to one endpoint, whatever it subscribed to. */
    WEBHOOK_TEST("webhook.test");

    /** An endpoint subscribed to this receives every type. */
    public static final String ALL = "*";

    private final String value;

    EventType(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    /** The types an endpoint may subscribe to. */
    public static List<String> subscribable() {
        return Arrays.stream(values()).filter(type -> type != WEBHOOK_TEST).map(EventType::value).toList();
    }
}
