package com.subscriptions.sampledata;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static com.subscriptions.sampledata.UtcTimes.DAY;
import static com.subscriptions.sampledata.UtcTimes.HOUR;
import static com.subscriptions.sampledata.UtcTimes.literal;
import static com.subscriptions.sampledata.UtcTimes.plusMonths;

/**
 * Users {@code history01}, {@code history02}, … for deep-paging tests of the history and events lists. Each has
 * {@value #SUBSCRIPTIONS_PER_USER} subscriptions, since only one may be live: the newest active, the others
 * expired one after the other; and E events spread evenly over them, one every 6 hours going back from 8 days
 * ago (10,000 events span about 7 years), so every event has its own time and the order is well defined. A
 * subscription's events are {@code subscribed}, then {@code renewed} and {@code plan_changed} (between two plans)
 * in turn, and {@code expired} last unless it is the live one. The cadence is synthetic: it gives depth, not
 * realism. One user is one transaction, so a user present is complete and a rerun skips it.
 */
final class LongHistories {

    static final int SUBSCRIPTIONS_PER_USER = 200;
    /** A subscription needs two events at least: subscribed, then expired (or renewed, for the live one). */
    static final long MIN_EVENTS = 2L * SUBSCRIPTIONS_PER_USER;

    private static final long EVENT_SPACING = 6 * HOUR;
    private static final String JOB = "lifecycle-job";

    record Result(long users, long subscriptions, long events) {
    }

    private final Database database;
    private final RowWriter writer;

    LongHistories(Database database, RowWriter writer) {
        this.database = database;
        this.writer = writer;
    }

    Result load(int count, int eventsPerUser, Supplier<String> passwordHash, long now) throws SQLException {
        try (Connection connection = database.connect();
             BulkLoadSession ignored = new BulkLoadSession(connection)) {
            List<String> missing = new ArrayList<>();
            for (int k = 1; k <= count; k++) {
                if (!exists(connection, username(k))) {
                    missing.add(username(k));
                }
            }
            if (missing.isEmpty()) {
                if (count > 0) {
                    System.err.printf("long histories: history01 to %s exist already, nothing to add%n",
                            username(count));
                }
                return new Result(0, 0, 0);
            }
            List<SamplePlans.Plan> plans = SamplePlans.load(connection);
            ProgressBar progress = new ProgressBar("long-history events", (long) missing.size() * eventsPerUser);
            for (String username : missing) {
                History history = new History(username, plans, eventsPerUser, now - 8 * DAY,
                        Table.USERS.nextId(connection), Table.SUBSCRIPTIONS.nextId(connection),
                        Table.EVENTS.nextId(connection));
                history.build(passwordHash.get());
                writer.prepare(Table.USERS, history.users).writeTo(connection);
                writer.prepare(Table.SUBSCRIPTIONS, history.subscriptions).writeTo(connection);
                writer.prepare(Table.EVENTS, history.events).writeTo(connection);
                connection.commit();
                progress.advance(eventsPerUser);
            }
            progress.finish();
            long users = missing.size();
            return new Result(users, users * SUBSCRIPTIONS_PER_USER, users * eventsPerUser);
        }
    }

    private static String username(int k) {
        return String.format("history%02d", k);
    }

    private static boolean exists(Connection connection, String username) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM users WHERE username = ?")) {
            select.setString(1, username);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    /** One user's rows. Event 0 is the newest; subscription 0 is the newest (the live one). */
    private static final class History {
        final List<Object[]> users = new ArrayList<>(1);
        final List<Object[]> subscriptions = new ArrayList<>(SUBSCRIPTIONS_PER_USER);
        final List<Object[]> events;
        private final String username;
        private final List<SamplePlans.Plan> plans;
        private final int eventCount;
        private final long newestEvent;
        private final long userId;
        private final long firstSubscriptionId;
        private long nextEventId;

        History(String username, List<SamplePlans.Plan> plans, int eventCount, long newestEvent, long userId,
                long firstSubscriptionId, long firstEventId) {
            this.username = username;
            this.plans = plans;
            this.eventCount = eventCount;
            this.newestEvent = newestEvent;
            this.userId = userId;
            this.firstSubscriptionId = firstSubscriptionId;
            this.nextEventId = firstEventId;
            this.events = new ArrayList<>(eventCount);
        }

        /** Oldest first, so that ids ascend with time. */
        void build(String passwordHash) {
            String registered = literal(eventTime(eventCount - 1));
            users.add(new Object[] {userId, username, username + "@example.com", passwordHash, registered, registered});
            for (int j = SUBSCRIPTIONS_PER_USER - 1; j >= 0; j--) {
                addSubscription(j, firstSubscriptionId + SUBSCRIPTIONS_PER_USER - 1 - j);
            }
        }

        private void addSubscription(int j, long subscriptionId) {
            int newest = firstEventOf(j);
            int oldest = firstEventOf(j + 1) - 1;
            boolean live = j == 0;
            SamplePlans.Plan plan = plans.get(j % plans.size());
            SamplePlans.Plan other = plans.get((j + 1) % plans.size());
            long periodStart = eventTime(oldest);
            for (int k = oldest; k >= newest; k--) {
                long at = eventTime(k);
                int position = oldest - k;
                if (position == 0) {
                    addEvent(subscriptionId, "subscribed", null, plan, username, at);
                } else if (k == newest && !live) {
                    addEvent(subscriptionId, "expired", null, plan, JOB, at);
                } else if (position % 2 == 1) {
                    addEvent(subscriptionId, "renewed", null, plan, JOB, at);
                    periodStart = at;
                } else {
                    addEvent(subscriptionId, "plan_changed", plan, other, username, at);
                    SamplePlans.Plan previous = plan;
                    plan = other;
                    other = previous;
                }
            }
            String created = literal(eventTime(oldest));
            String ended = literal(eventTime(newest));
            subscriptions.add(new Object[] {subscriptionId, userId, plan.id(), live ? "active" : "expired", created,
                    live ? null : ended, null, literal(periodStart),
                    live ? literal(plusMonths(periodStart, plan.periodMonths())) : ended, "paid", live, created,
                    ended});
        }

        private void addEvent(long subscriptionId, String type, SamplePlans.Plan from, SamplePlans.Plan to,
                              String actor, long at) {
            events.add(new Object[] {nextEventId++, subscriptionId, userId, type, from == null ? null : from.id(),
                    to.id(), actor, literal(at)});
        }

        /** Events are shared out evenly: subscription j has events firstEventOf(j) to firstEventOf(j + 1) - 1. */
        private int firstEventOf(int j) {
            return (int) (((long) j * eventCount + SUBSCRIPTIONS_PER_USER - 1) / SUBSCRIPTIONS_PER_USER);
        }

        private long eventTime(int k) {
            return newestEvent - k * EVENT_SPACING;
        }
    }
}
