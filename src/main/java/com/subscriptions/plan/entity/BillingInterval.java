package com.subscriptions.plan.entity;

import com.subscriptions.platform.entity.CodedEnum;
import jakarta.persistence.Converter;

/** How often a plan bills. A period lasts {@link #months()} calendar months times the plan's duration. */
public enum BillingInterval implements CodedEnum {
    MONTHLY("monthly", 1),
    QUARTERLY("quarterly", 3),
    SEMI_ANNUAL("semi-annual", 6),
    ANNUAL("annual", 12);

    private final String value;
    private final int months;

    BillingInterval(String value, int months) {
        this.value = value;
        this.months = months;
    }

    @Override
    public String value() {
        return value;
    }

    public int months() {
        return months;
    }

    @Converter(autoApply = true)
    public static class Column extends ColumnConverter<BillingInterval> {
        public Column() {
            super(BillingInterval.class);
        }
    }
}
