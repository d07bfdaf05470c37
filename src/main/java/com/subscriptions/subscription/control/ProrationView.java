package com.subscriptions.subscription.control;

import com.subscriptions.subscription.entity.Proration;

import java.math.BigDecimal;

/** The amounts of a prorated plan change, as the API shows them: {@code {credit, charge, net, currency}}. */
public record ProrationView(BigDecimal credit, BigDecimal charge, BigDecimal net, String currency) {

    public static ProrationView of(Proration proration) {
        return proration == null ? null
                : new ProrationView(proration.credit(), proration.charge(), proration.net(), proration.currency());
    }
}
