package com.subscriptions.sampledata;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Turns off unique and foreign-key checks for the session while the generator's rows are loaded, and back on at
 * the end: the checks cost index lookups per row, and the rows need none. Their names and ids are new, every
 * reference points to a row written before or in the same transaction, and a user has one live subscription.
 */
final class BulkLoadSession implements AutoCloseable {

    private final Connection connection;

    BulkLoadSession(Connection connection) throws SQLException {
        this.connection = connection;
        set(0);
    }

    @Override
    public void close() throws SQLException {
        set(1);
    }

    private void set(int checks) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET unique_checks = " + checks + ", foreign_key_checks = " + checks);
        }
    }
}
