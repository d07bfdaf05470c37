package com.subscriptions.subscription.control;

import com.subscriptions.subscription.entity.SubscriptionCount;
import com.subscriptions.subscription.entity.SubscriptionStatus;
import com.subscriptions.subscription.entity.UserSubscription;
import jakarta.persistence.criteria.CommonAbstractCriteria;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
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

    /** A condition or a scalar expression in a query language, with its {@code ?} placeholders' values in order. */
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
            public Object instant(Instant instant) {
                return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
            }

            @Override
            String subscriptions() {
                return "user_subscriptions";
            }

            @Override
            String counts() {
                return "subscription_counts";
            }

            @Override
            String countAll(String alias) {
                return "COUNT(*)";
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
            public Object instant(Instant instant) {
                return instant;
            }

            @Override
            String subscriptions() {
                return "UserSubscription";
            }

            @Override
            String counts() {
                return "SubscriptionCount";
            }

            @Override
            String countAll(String alias) {
                return "COUNT(" + alias + ")";
            }
        };

        abstract String column(String attribute);

        /** The table (or entity) of the subscriptions, and of their counts. */
        abstract String subscriptions();

        abstract String counts();

        /** What counts the rows of {@code alias}. */
        abstract String countAll(String alias);

        abstract String statuses(List<SubscriptionStatus> statuses, List<Object> parameters);

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

    // --- the dashboard's figures: kept counted by the database, by hour (changeset 010) -------------------------

    /** What the database counts for a figure: {@code subscription_counts.metric}. */
    public enum Metric {
        ACTIVE, TRIAL, CREATED, CANCELED, ENDING;

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A dashboard figure: the sum of its metric's hour buckets from {@code from} (inclusive) to {@code until}
     * (exclusive; either null: open) plus, when {@code edges} is not null, the subscriptions it counts exactly: those
     * in the partial hours at the ends of the figure's window. Equal to a full count of the figure's definition.
     *
     * @param <C> how the buckets are chosen (a condition on the counts)
     * @param <S> how the edge subscriptions are chosen (a condition on the subscriptions)
     */
    public record Figure<C, S>(C counted, S edges) {
    }

    /**
     * A figure as one scalar expression: the sum of its buckets (alias {@code counts}) plus the count of its edges
     * (alias {@code alias}).
     */
    public static Condition expression(Language language, Figure<Condition, Condition> figure, String counts,
                                       String alias) {
        List<Object> parameters = new ArrayList<>(figure.counted().parameters());
        String text = "(SELECT COALESCE(SUM(" + counts + ".n), 0) FROM " + language.counts() + " " + counts
                + " WHERE " + figure.counted().text() + ")";
        if (figure.edges() != null) {
            text += " + (SELECT " + language.countAll(alias) + " FROM " + language.subscriptions() + " " + alias
                    + " WHERE " + figure.edges().text() + ")";
            parameters.addAll(figure.edges().parameters());
        }
        return new Condition(text, parameters);
    }

    /** The same as a Criteria expression, its subqueries in {@code query}. */
    public static Expression<Long> expression(CriteriaBuilder cb, CommonAbstractCriteria query,
                                              Figure<Function<Path<?>, Predicate>,
                                                      Function<Path<UserSubscription>, Predicate>> figure) {
        Subquery<Long> sum = query.subquery(Long.class);
        Root<SubscriptionCount> c = sum.from(SubscriptionCount.class);
        sum.select(cb.coalesce(cb.sum(c.<Long>get("n")), 0L)).where(figure.counted().apply(c));
        if (figure.edges() == null) {
            return sum;
        }
        Subquery<Long> edges = query.subquery(Long.class);
        Root<UserSubscription> s = edges.from(UserSubscription.class);
        edges.select(cb.count(s)).where(figure.edges().apply(s));
        return cb.sum(sum, edges);
    }

    /** A figure's window over hour buckets, and where its edges are. */
    private record Window(Metric metric, Instant from, Instant until) {

        Condition counted(Language language, String alias) {
            List<Object> parameters = new ArrayList<>(List.of(metric.value()));
            StringBuilder text = new StringBuilder(language.attribute(alias, "metric") + " = ?");
            if (from != null) {
                text.append(" AND ").append(language.attribute(alias, "bucket")).append(" >= ?");
                parameters.add(language.instant(from));
            }
            if (until != null) {
                text.append(" AND ").append(language.attribute(alias, "bucket")).append(" < ?");
                parameters.add(language.instant(until));
            }
            return new Condition(text.toString(), parameters);
        }

        Predicate counted(CriteriaBuilder cb, Path<?> c) {
            List<Predicate> conditions = new ArrayList<>(List.of(cb.equal(c.get("metric"), metric.value())));
            if (from != null) {
                conditions.add(cb.greaterThanOrEqualTo(c.get("bucket"), from));
            }
            if (until != null) {
                conditions.add(cb.lessThan(c.get("bucket"), until));
            }
            return cb.and(conditions.toArray(Predicate[]::new));
        }
    }

    /**
     * The dashboard's five figures by the name of their {@link SubscriptionStats} component, in the record's order:
     * each as conditions on the counts (alias {@code counts}) and on the subscriptions (alias {@code alias}).
     */
    public static Map<String, Figure<Condition, Condition>> stats(Language language, String counts, String alias,
                                                                  Instant now) {
        Instant since = newSince(now);
        Instant canceledSince = canceledSince(now);
        Instant until = expiringUntil(now, EXPIRING_SOON_DAYS);
        Map<String, Figure<Condition, Condition>> figures = new LinkedHashMap<>();
        figures.put(SubscriptionStats.ACTIVE, new Figure<>(status(Metric.ACTIVE).counted(language, counts), null));
        figures.put(SubscriptionStats.TRIAL, new Figure<>(status(Metric.TRIAL).counted(language, counts), null));
        figures.put(SubscriptionStats.EXPIRING_SOON, endingWithoutRenewalCounted(language, counts, alias, now, until));
        figures.put(SubscriptionStats.NEW, new Figure<>(since(Metric.CREATED, since).counted(language, counts),
                within(language, alias, CREATED_AT, since, ceilHour(since))));
        figures.put(SubscriptionStats.RECENTLY_CANCELED, new Figure<>(
                since(Metric.CANCELED, canceledSince).counted(language, counts),
                within(language, alias, CANCELED_AT, canceledSince, ceilHour(canceledSince))));
        return figures;
    }

    /** The same five figures as Criteria predicates, on the counts and on the subscriptions, by the same names. */
    public static Map<String, Figure<Function<Path<?>, Predicate>, Function<Path<UserSubscription>, Predicate>>> stats(
            CriteriaBuilder cb, Instant now) {
        Instant since = newSince(now);
        Instant canceledSince = canceledSince(now);
        Instant until = expiringUntil(now, EXPIRING_SOON_DAYS);
        Map<String, Figure<Function<Path<?>, Predicate>, Function<Path<UserSubscription>, Predicate>>> figures =
                new LinkedHashMap<>();
        figures.put(SubscriptionStats.ACTIVE, new Figure<>(c -> status(Metric.ACTIVE).counted(cb, c), null));
        figures.put(SubscriptionStats.TRIAL, new Figure<>(c -> status(Metric.TRIAL).counted(cb, c), null));
        figures.put(SubscriptionStats.EXPIRING_SOON, endingWithoutRenewalCounted(cb, now, until));
        figures.put(SubscriptionStats.NEW, new Figure<>(c -> since(Metric.CREATED, since).counted(cb, c),
                s -> within(cb, s.get(CREATED_AT), since, ceilHour(since))));
        figures.put(SubscriptionStats.RECENTLY_CANCELED, new Figure<>(
                c -> since(Metric.CANCELED, canceledSince).counted(cb, c),
                s -> within(cb, s.get(CANCELED_AT), canceledSince, ceilHour(canceledSince))));
        return figures;
    }

    /**
     * How many subscriptions end without renewal from {@code now} to {@code until} (at least two hours apart): the
     * dashboard's "expiring soon", and the expiring list's total.
     */
    public static Figure<Condition, Condition> endingWithoutRenewalCounted(Language language, String counts,
                                                                         String alias, Instant now, Instant until) {
        return new Figure<>(ending(now, until).counted(language, counts),
                and(endingWithoutRenewal(language, alias, now, until),
                        outside(language, alias, CURRENT_PERIOD_END, ceilHour(now), floorHour(until))));
    }

    public static Figure<Function<Path<?>, Predicate>, Function<Path<UserSubscription>, Predicate>>
            endingWithoutRenewalCounted(CriteriaBuilder cb, Instant now, Instant until) {
        return new Figure<>(c -> ending(now, until).counted(cb, c),
                s -> cb.and(endingWithoutRenewal(cb, s, now, until), cb.or(
                        cb.lessThan(s.get(CURRENT_PERIOD_END), ceilHour(now)),
                        cb.greaterThanOrEqualTo(s.get(CURRENT_PERIOD_END), floorHour(until)))));
    }

    /** How many subscriptions are in a live status (as many users: one live subscription each), as kept counted. */
    public static Condition liveCount(SubscriptionStatus status, String counts) {
        Metric metric = Metric.valueOf(status.name());
        return expression(Language.SQL, new Figure<>(status(metric).counted(Language.SQL, counts), null), counts, null);
    }

    private static Window status(Metric metric) {
        return new Window(metric, null, null);
    }

    /** The whole hours from the first after {@code since}: the partial hour before it is an edge. */
    private static Window since(Metric metric, Instant since) {
        return new Window(metric, ceilHour(since), null);
    }

    /** The whole hours inside [now, until]: the partial hours at both ends are edges. */
    private static Window ending(Instant now, Instant until) {
        return new Window(Metric.ENDING, ceilHour(now), floorHour(until));
    }

    private static Condition within(Language language, String alias, String attribute, Instant from, Instant until) {
        String column = language.attribute(alias, attribute);
        return new Condition(column + " >= ? AND " + column + " < ?",
                List.of(language.instant(from), language.instant(until)));
    }

    private static Predicate within(CriteriaBuilder cb, Path<Instant> attribute, Instant from, Instant until) {
        return cb.and(cb.greaterThanOrEqualTo(attribute, from), cb.lessThan(attribute, until));
    }

    private static Condition outside(Language language, String alias, String attribute, Instant before,
                                     Instant from) {
        String column = language.attribute(alias, attribute);
        return new Condition("(" + column + " < ? OR " + column + " >= ?)",
                List.of(language.instant(before), language.instant(from)));
    }

    private static Condition and(Condition first, Condition second) {
        List<Object> parameters = new ArrayList<>(first.parameters());
        parameters.addAll(second.parameters());
        return new Condition(first.text() + " AND " + second.text(), parameters);
    }

    static Instant floorHour(Instant instant) {
        return instant.truncatedTo(ChronoUnit.HOURS);
    }

    static Instant ceilHour(Instant instant) {
        Instant floor = floorHour(instant);
        return floor.equals(instant) ? floor : floor.plus(Duration.ofHours(1));
    }

    private static Instant newSince(Instant now) {
        return now.minus(Duration.ofDays(NEW_DAYS));
    }

    private static Instant canceledSince(Instant now) {
        return now.minus(Duration.ofDays(RECENTLY_CANCELED_DAYS));
    }
}
