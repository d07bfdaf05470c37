package com.subscriptions.subscription.control;

import com.subscriptions.subscription.entity.SubscriptionStatus;
import com.subscriptions.subscription.entity.UserSubscription;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the reads of every API version mean by "live", "in its period", "ending without renewal" and the dashboard's
 * windows, stated once. Each definition is written here over {@link UserSubscription}'s attributes, and rendered
 * for each version: as a Criteria predicate (v1), as native SQL (v2, the attributes' columns, statuses as literals)
 * and as JPQL (v3, statuses bound). The versions' queries take their conditions from here, never restate them.
 */
public final class SubscriptionDefinitions {

    /** The dashboard's "expiring soon": ending without renewal within these days. */
    public static final int EXPIRING_SOON_DAYS = 7;
    /** The dashboard's "new": created within these days. */
    public static final int NEW_DAYS = 7;
    /** The dashboard's "recently canceled": canceled within these days. */
    public static final int RECENTLY_CANCELED_DAYS = 14;

    private static final String STATUS = "status";
    private static final String CURRENT_PERIOD_END = "currentPeriodEnd";
    private static final String AUTO_RENEW = "autoRenew";
    private static final String CANCEL_AT_PERIOD_END = "cancelAtPeriodEnd";
    private static final String CREATED_AT = "createdAt";
    private static final String CANCELED_AT = "canceledAt";

    private SubscriptionDefinitions() {
    }

    /** A condition in a query language, with the values of its {@code ?} placeholders in order. */
    public record Condition(String text, List<Object> parameters) {

        public Condition {
            parameters = List.copyOf(parameters);
        }

        public Object[] values() {
            return parameters.toArray();
        }
    }

    /** How a query language spells the definitions' attributes, statuses and instants. */
    public enum Language {
        /** Native SQL: snake_case columns, statuses as literals, instants as UTC {@link LocalDateTime}s. */
        SQL {
            @Override
            String column(String attribute) {
                return attribute.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
            }

            @Override
            String statuses(List<SubscriptionStatus> statuses, List<Object> parameters) {
                return statuses.stream().map(s -> "'" + s.value() + "'").collect(Collectors.joining(", ", "(", ")"));
            }

            @Override
            String status(SubscriptionStatus status, List<Object> parameters) {
                return "'" + status.value() + "'";
            }

            @Override
            public Object instant(Instant instant) {
                return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
            }
        },
        /** JPQL: the entity's attributes, statuses bound as parameters, instants as they are. */
        JPQL {
            @Override
            String column(String attribute) {
                return attribute;
            }

            @Override
            String statuses(List<SubscriptionStatus> statuses, List<Object> parameters) {
                parameters.add(statuses);
                return "?";
            }

            @Override
            String status(SubscriptionStatus status, List<Object> parameters) {
                parameters.add(status);
                return "?";
            }

            @Override
            public Object instant(Instant instant) {
                return instant;
            }
        };

        abstract String column(String attribute);

        abstract String statuses(List<SubscriptionStatus> statuses, List<Object> parameters);

        abstract String status(SubscriptionStatus status, List<Object> parameters);

        /** An instant as this language's parameter. */
        public abstract Object instant(Instant instant);

        String attribute(String alias, String attribute) {
            return (alias == null ? "" : alias + ".") + column(attribute);
        }
    }

    // --- live: a live status (trial or active) -------------------------------------------------------------------

    public static Predicate live(CriteriaBuilder cb, Path<UserSubscription> s) {
        return s.get(STATUS).in(SubscriptionStatus.LIVE);
    }

    /** @param alias the subscription's alias, or null for bare columns */
    public static Condition live(Language language, String alias) {
        List<Object> parameters = new ArrayList<>(1);
        String text = language.attribute(alias, STATUS) + " IN " + language.statuses(SubscriptionStatus.LIVE,
                parameters);
        return new Condition(text, parameters);
    }

    // --- in its period: no period end, or one still ahead ---------------------------------------------------------

    public static boolean inPeriod(Instant currentPeriodEnd, Instant now) {
        return currentPeriodEnd == null || currentPeriodEnd.isAfter(now);
    }

    public static Predicate inPeriod(CriteriaBuilder cb, Path<UserSubscription> s, Instant now) {
        return cb.or(cb.isNull(s.get(CURRENT_PERIOD_END)), cb.greaterThan(s.get(CURRENT_PERIOD_END), now));
    }

    public static Condition inPeriod(Language language, String alias, Instant now) {
        String end = language.attribute(alias, CURRENT_PERIOD_END);
        return new Condition("(" + end + " IS NULL OR " + end + " > ?)", List.of(language.instant(now)));
    }

    // --- ending without renewal: live, the period ends within the window, and it will not renew ------------------

    /** The window of the expiring list and of "expiring soon": from now to {@code days} ahead. */
    public static Instant expiringUntil(Instant now, int days) {
        return now.plus(Duration.ofDays(days));
    }

    public static Predicate endingWithoutRenewal(CriteriaBuilder cb, Path<UserSubscription> s, Instant from,
                                                 Instant until) {
        return cb.and(live(cb, s),
                cb.between(s.get(CURRENT_PERIOD_END), from, until),
                cb.or(cb.isFalse(s.get(AUTO_RENEW)), cb.isTrue(s.get(CANCEL_AT_PERIOD_END))));
    }

    public static Condition endingWithoutRenewal(Language language, String alias, Instant from, Instant until) {
        Condition live = live(language, alias);
        List<Object> parameters = new ArrayList<>(live.parameters());
        parameters.add(language.instant(from));
        parameters.add(language.instant(until));
        return new Condition(live.text() + " AND " + language.attribute(alias, CURRENT_PERIOD_END)
                + " BETWEEN ? AND ? AND (" + language.attribute(alias, AUTO_RENEW) + " = FALSE OR "
                + language.attribute(alias, CANCEL_AT_PERIOD_END) + " = TRUE)", parameters);
    }

    // --- the dashboard's other figures ----------------------------------------------------------------------------

    public static Predicate inStatus(CriteriaBuilder cb, Path<UserSubscription> s, SubscriptionStatus status) {
        return cb.equal(s.get(STATUS), status);
    }

    public static Condition inStatus(Language language, String alias, SubscriptionStatus status) {
        List<Object> parameters = new ArrayList<>(1);
        return new Condition(language.attribute(alias, STATUS) + " = " + language.status(status, parameters),
                parameters);
    }

    /** Created within {@link #NEW_DAYS} of now. */
    public static Predicate isNew(CriteriaBuilder cb, Path<UserSubscription> s, Instant now) {
        return cb.greaterThanOrEqualTo(s.get(CREATED_AT), newSince(now));
    }

    public static Condition isNew(Language language, String alias, Instant now) {
        return new Condition(language.attribute(alias, CREATED_AT) + " >= ?",
                List.of(language.instant(newSince(now))));
    }

    /** Canceled within {@link #RECENTLY_CANCELED_DAYS} of now. */
    public static Predicate recentlyCanceled(CriteriaBuilder cb, Path<UserSubscription> s, Instant now) {
        return cb.greaterThanOrEqualTo(s.get(CANCELED_AT), canceledSince(now));
    }

    public static Condition recentlyCanceled(Language language, String alias, Instant now) {
        return new Condition(language.attribute(alias, CANCELED_AT) + " >= ?",
                List.of(language.instant(canceledSince(now))));
    }

    /**
     * The dashboard's five figures, each a condition on the subscriptions counted, by the name of its
     * {@link SubscriptionStats} component, in the record's order.
     */
    public static Map<String, Condition> stats(Language language, String alias, Instant now) {
        Map<String, Condition> counts = new LinkedHashMap<>();
        counts.put(SubscriptionStats.ACTIVE, inStatus(language, alias, SubscriptionStatus.ACTIVE));
        counts.put(SubscriptionStats.TRIAL, inStatus(language, alias, SubscriptionStatus.TRIAL));
        counts.put(SubscriptionStats.EXPIRING_SOON, endingWithoutRenewal(language, alias, now,
                expiringUntil(now, EXPIRING_SOON_DAYS)));
        counts.put(SubscriptionStats.NEW, isNew(language, alias, now));
        counts.put(SubscriptionStats.RECENTLY_CANCELED, recentlyCanceled(language, alias, now));
        return counts;
    }

    /** The same five figures as Criteria predicates on the counted subscriptions, by the same names and order. */
    public static Map<String, Function<Path<UserSubscription>, Predicate>> stats(CriteriaBuilder cb, Instant now) {
        Map<String, Function<Path<UserSubscription>, Predicate>> counts = new LinkedHashMap<>();
        counts.put(SubscriptionStats.ACTIVE, s -> inStatus(cb, s, SubscriptionStatus.ACTIVE));
        counts.put(SubscriptionStats.TRIAL, s -> inStatus(cb, s, SubscriptionStatus.TRIAL));
        counts.put(SubscriptionStats.EXPIRING_SOON, s -> endingWithoutRenewal(cb, s, now,
                expiringUntil(now, EXPIRING_SOON_DAYS)));
        counts.put(SubscriptionStats.NEW, s -> isNew(cb, s, now));
        counts.put(SubscriptionStats.RECENTLY_CANCELED, s -> recentlyCanceled(cb, s, now));
        return counts;
    }

    private static Instant newSince(Instant now) {
        return now.minus(Duration.ofDays(NEW_DAYS));
    }

    private static Instant canceledSince(Instant now) {
        return now.minus(Duration.ofDays(RECENTLY_CANCELED_DAYS));
    }
}
