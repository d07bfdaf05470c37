package com.subscriptions.plan.entity;

import com.subscriptions.platform.entity.CodedEnum;
import jakarta.persistence.Converter;

/** Only active plans take new subscriptions; deprecated plans keep serving the subscriptions they have. */
public enum PlanStatus implements CodedEnum {
    ACTIVE("active"),
    INACTIVE("inactive"),
    DEPRECATED("deprecated");

    private final String value;

    PlanStatus(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    @Converter(autoApply = true)
    public static class Column extends ColumnConverter<PlanStatus> {
        public Column() {
            super(PlanStatus.class);
        }
    }
}
