package com.subscriptions.subscription.entity;

import com.subscriptions.platform.entity.CodedEnum;
import jakarta.persistence.Converter;

import java.util.List;

/** trial and active are "live"; a user has at most one live subscription. */
public enum SubscriptionStatus implements CodedEnum {
    TRIAL("trial"),
    ACTIVE("active"),
    PAST_DUE("past_due"),
    CANCELED("canceled"),
    EXPIRED("expired");

    /** The live statuses, for queries. */
    public static final List<SubscriptionStatus> LIVE = List.of(TRIAL, ACTIVE);

    private final String value;

    SubscriptionStatus(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    public boolean isLive() {
        return LIVE.contains(this);
    }

    @Converter(autoApply = true)
    public static class Column extends ColumnConverter<SubscriptionStatus> {
        public Column() {
            super(SubscriptionStatus.class);
        }
    }
}
