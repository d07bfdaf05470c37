package com.subscriptions.sampledata;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A table and the columns the generator fills; the others keep their defaults (quantity 1, version 0, ...). Rows
 * are {@code Object[]} in column order holding Long, Boolean, String (DATETIME literals too) or null.
 */
record Table(String name, List<String> columns) {

    static final Table USERS = new Table("users",
            List.of("id", "username", "email", "password_hash", "created_at", "updated_at"));

    static final Table SUBSCRIPTIONS = new Table("user_subscriptions",
            List.of("id", "user_id", "plan_id", "status", "start_date", "end_date", "canceled_at",
                    "current_period_start", "current_period_end", "payment_status", "auto_renew",
                    "created_at", "updated_at"));

    /** Events with ids of the database's choosing: a subscriber has one or two, so they cannot be counted ahead. */
    static final Table SUBSCRIBER_EVENTS = new Table("subscription_events",
            List.of("subscription_id", "user_id", "type", "from_plan_id", "to_plan_id", "actor", "created_at"));

    static final Table EVENTS = new Table("subscription_events",
            List.of("id", "subscription_id", "user_id", "type", "from_plan_id", "to_plan_id", "actor", "created_at"));

    /** The id after the table's highest (1 when empty): rows loaded with explicit ids take the ids from there. */
    long nextId(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM " + name)) {
            row.next();
            return row.getLong(1);
        }
    }

    String columnList() {
        return String.join(", ", columns);
    }
}
