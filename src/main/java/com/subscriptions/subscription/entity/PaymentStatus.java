package com.subscriptions.subscription.entity;

import com.subscriptions.platform.entity.CodedEnum;
import jakarta.persistence.Converter;

/** Where the subscription's payment stands (no payment provider is wired yet: trials are pending, the rest paid). */
public enum PaymentStatus implements CodedEnum {
    PAID("paid"),
    PENDING("pending"),
    FAILED("failed"),
    REFUNDED("refunded");

    private final String value;

    PaymentStatus(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    @Converter(autoApply = true)
    public static class Column extends ColumnConverter<PaymentStatus> {
        public Column() {
            super(PaymentStatus.class);
        }
    }
}
