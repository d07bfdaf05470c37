package com.subscriptions.subscription.entity;

import com.subscriptions.platform.entity.CodedEnum;
import jakarta.persistence.Converter;

/** trial and active are "live"; a user has at most one live subscription. */
public enum SubscriptionStatus implements CodedEnum {
    TRIAL("trial"),
    ACTIVE("active"),
    PAST_DUE("past_due"),
    CANCELED("canceled"),
    EXPIRED("expired");

    private final String value;

    SubscriptionStatus(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    public boolean isLive() {
        return this == TRIAL || this == ACTIVE;
    }

    @Converter(autoApply = true)
    public static class Column extends ColumnConverter<SubscriptionStatus> {
        public Column() {
            super(SubscriptionStatus.class);
        }
    }
}
