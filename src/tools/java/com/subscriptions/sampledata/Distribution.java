package com.subscriptions.sampledata;

import java.util.List;

import static com.subscriptions.sampledata.UtcTimes.DAY;
import static com.subscriptions.sampledata.UtcTimes.HOUR;
import static com.subscriptions.sampledata.UtcTimes.literal;
import static com.subscriptions.sampledata.UtcTimes.plusMonths;

/**
 * What generated user number n looks like (contract §5), decided by n alone so that reruns write the same rows:
 * {@code n % 20} picks the kind (2 in 20 expire within 7 days without auto-renew, 2 in 20 expire within 7 days and
 * renew, 3 in 20 registered within the last 7 days, 2 in 20 canceled within the last 14 days, 11 in 20 plainly
 * active) and {@code (n / 20) % 5} the plan, so every kind is spread evenly over the five plans. Times within a
 * kind's window come from a hash of n. Each user has one subscription; its period follows the plan's length in
 * calendar months, and the user registered when the subscription started. As the service writes them, the
 * subscription has its events: {@code subscribed} when it started and, for a canceled one, {@code canceled}.
 */
final class Distribution {

    enum Kind { EXPIRING_WITHOUT_RENEWAL, EXPIRING_RENEWING, NEW, CANCELED, ACTIVE }

    private final long now;
    private final List<SamplePlans.Plan> plans;
    private final String passwordHash;

    /** @param now epoch second the windows are counted from */
    Distribution(long now, List<SamplePlans.Plan> plans, String passwordHash) {
        this.now = now;
        this.plans = plans;
        this.passwordHash = passwordHash;
    }

    static Kind kind(long number) {
        int slot = (int) (number % 20);
        if (slot < 2) {
            return Kind.EXPIRING_WITHOUT_RENEWAL;
        } else if (slot < 4) {
            return Kind.EXPIRING_RENEWING;
        } else if (slot < 7) {
            return Kind.NEW;
        } else if (slot < 9) {
            return Kind.CANCELED;
        }
        return Kind.ACTIVE;
    }

    /** {@code user0000001}: seven digits at least, so that names sort by number up to 9,999,999. */
    static String username(long number) {
        String digits = Long.toString(number);
        return digits.length() >= 7 ? "user" + digits : "user" + "0000000".substring(digits.length()) + digits;
    }

    /** Adds user {@code number}'s users row and user_subscriptions row. */
    void addSubscriber(long number, long userId, long subscriptionId, List<Object[]> users,
                       List<Object[]> subscriptions, List<Object[]> events) {
        SamplePlans.Plan plan = plans.get((int) ((number / 20) % plans.size()));
        int months = plan.periodMonths();
        String status = "active";
        boolean autoRenew = true;
        long periodStart;
        long periodEnd;
        long start;
        long updated;
        String ended = null;
        Kind kind = kind(number);
        switch (kind) {
            case EXPIRING_WITHOUT_RENEWAL, EXPIRING_RENEWING -> {
                // The period started 3 weeks ago at least: not new.
                periodEnd = now + HOUR + spread(number, 1, 7 * DAY - 2 * HOUR);
                periodStart = plusMonths(periodEnd, -months);
                start = plusMonths(periodStart, -months * spread(number, 2, 3));
                updated = periodStart;
                autoRenew = kind == Kind.EXPIRING_RENEWING;
            }
            case NEW -> {
                start = now - 10 * 60 - spread(number, 1, 7 * DAY - HOUR);
                periodStart = start;
                periodEnd = plusMonths(start, months);
                updated = start;
            }
            case CANCELED -> {
                long canceled = now - HOUR - spread(number, 1, 14 * DAY - 2 * HOUR);
                // Canceled 1 to 21 days into a period (which lasts 28 days at least), renewed once at least:
                // not new.
                periodStart = canceled - DAY - spread(number, 2, 20 * DAY);
                periodEnd = plusMonths(periodStart, months);
                start = plusMonths(periodStart, -months * (1 + spread(number, 3, 4)));
                updated = canceled;
                status = "canceled";
                autoRenew = false;
                ended = literal(canceled);
            }
            default -> {
                // Ends after the 7-day window, started a day ago at least, renewed once at least: neither
                // expiring nor new.
                periodEnd = now + 8 * DAY + spread(number, 1, months * 28L * DAY - 9 * DAY);
                periodStart = plusMonths(periodEnd, -months);
                start = plusMonths(periodStart, -months * (1 + spread(number, 2, Math.max(2, 12 / months - 1))));
                updated = periodStart;
            }
        }
        String created = literal(start);
        String username = username(number);
        users.add(new Object[] {userId, username, username + "@example.com", passwordHash, created, created});
        subscriptions.add(new Object[] {subscriptionId, userId, plan.id(), status, created, ended, ended,
                literal(periodStart), literal(periodEnd), "paid", autoRenew, created, literal(updated)});
        events.add(new Object[] {subscriptionId, userId, "subscribed", null, plan.id(), username, created});
        if (ended != null) {
            events.add(new Object[] {subscriptionId, userId, "canceled", null, plan.id(), username, ended});
        }
    }

    /** A value in [0, range) that looks random but depends on the number (and the purpose) alone. */
    private static long spread(long number, int purpose, long range) {
        long mixed = (number * 31 + purpose) * 0x9E3779B97F4A7C15L;
        mixed ^= mixed >>> 29;
        mixed *= 0xBF58476D1CE4E5B9L;
        mixed ^= mixed >>> 32;
        return Math.floorMod(mixed, range);
    }
}
