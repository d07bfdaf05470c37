package com.subscriptions.sampledata;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The five plans of the original service, as {@code liquibase/changes/002-sample-plans.sql} inserts them. */
final class SamplePlans {

    /** A sample plan as stored: its id and how many months one period lasts. */
    record Plan(long id, int periodMonths) {
    }

    private record Definition(String name, String description, String price, String interval, String features,
                              int maxUsers, int sortOrder) {
    }

    private static final List<Definition> DEFINITIONS = List.of(
            new Definition("Free Plan", "Basic features for individuals", "0.00", "monthly",
                    "{\"storage\": 1, \"projects\": 1, \"users\": 1}", 1, 1),
            new Definition("Basic Plan", "Essential features for small teams", "9.99", "monthly",
                    "{\"storage\": 10, \"projects\": 5, \"users\": 3}", 3, 2),
            new Definition("Pro Plan", "Advanced features for growing teams", "29.99", "monthly",
                    "{\"storage\": 50, \"projects\": 20, \"users\": 10}", 10, 3),
            new Definition("Basic Plan", "Essential features for small teams, billed yearly", "99.99", "annual",
                    "{\"storage\": 10, \"projects\": 5, \"users\": 3}", 3, 4),
            new Definition("Pro Plan", "Advanced features for growing teams, billed yearly", "299.99", "annual",
                    "{\"storage\": 50, \"projects\": 20, \"users\": 10}", 10, 5));

    private static final Map<String, Integer> MONTHS_PER_INTERVAL =
            Map.of("monthly", 1, "quarterly", 3, "semi-annual", 6, "annual", 12);

    private SamplePlans() {
    }

    /** Inserts the sample plans that are missing, matched on (name, billing_interval). @return how many */
    static int ensure(Connection connection) throws SQLException {
        int created = 0;
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO subscription_plans "
                + "(name, description, price, currency, billing_interval, duration_months, features, status, "
                + "is_public, max_users, sort_order, trial_days, created_at, updated_at) "
                + "VALUES (?, ?, ?, 'USD', ?, 1, ?, 'active', TRUE, ?, ?, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))")) {
            for (Definition plan : DEFINITIONS) {
                if (find(connection, plan).isPresent()) {
                    continue;
                }
                insert.setString(1, plan.name());
                insert.setString(2, plan.description());
                insert.setBigDecimal(3, new BigDecimal(plan.price()));
                insert.setString(4, plan.interval());
                insert.setString(5, plan.features());
                insert.setInt(6, plan.maxUsers());
                insert.setInt(7, plan.sortOrder());
                insert.executeUpdate();
                created++;
            }
        }
        connection.commit();
        return created;
    }

    /** The five plans in their catalogue order. @throws IllegalStateException when one is missing */
    static List<Plan> load(Connection connection) throws SQLException {
        List<Plan> plans = new ArrayList<>();
        for (Definition definition : DEFINITIONS) {
            plans.add(find(connection, definition).orElseThrow(() -> new IllegalStateException(
                    "Sample plan missing: " + definition.name() + " (" + definition.interval() + ")")));
        }
        return plans;
    }

    private static Optional<Plan> find(Connection connection, Definition plan) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id, billing_interval, duration_months "
                + "FROM subscription_plans WHERE name = ? AND billing_interval = ?")) {
            select.setString(1, plan.name());
            select.setString(2, plan.interval());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                int months = MONTHS_PER_INTERVAL.get(row.getString(2)) * row.getInt(3);
                return Optional.of(new Plan(row.getLong(1), months));
            }
        }
    }
}
