package com.subscriptions.subscription.entity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

/**
 * The money of an immediate plan change: a credit for the unused part of the period at the old price, a
 * charge for the same part at the new price, and the difference. Rounded half-even to cents.
 */
public record Proration(BigDecimal credit, BigDecimal charge, BigDecimal net, String currency) {

    public static Proration of(BigDecimal oldPrice, BigDecimal newPrice, int quantity, Instant periodStart,
                               Instant periodEnd, Instant now, String currency) {
        BigDecimal unused = unusedFraction(periodStart, periodEnd, now);
        BigDecimal units = BigDecimal.valueOf(quantity);
        BigDecimal credit = oldPrice.multiply(units).multiply(unused).setScale(2, RoundingMode.HALF_EVEN);
        BigDecimal charge = newPrice.multiply(units).multiply(unused).setScale(2, RoundingMode.HALF_EVEN);
        return new Proration(credit, charge, charge.subtract(credit), currency);
    }

    /** The share of the period still ahead, 0..1, to the microsecond. */
    static BigDecimal unusedFraction(Instant periodStart, Instant periodEnd, Instant now) {
        long total = Duration.between(periodStart, periodEnd).toNanos() / 1000;
        long left = Duration.between(now, periodEnd).toNanos() / 1000;
        if (total <= 0 || left <= 0) {
            return BigDecimal.ZERO;
        }
        return BigDecimal.valueOf(Math.min(left, total)).divide(BigDecimal.valueOf(total), 10, RoundingMode.HALF_EVEN);
    }
}
