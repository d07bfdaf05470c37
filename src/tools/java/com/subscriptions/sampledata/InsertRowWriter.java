package com.subscriptions.sampledata;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collections;
import java.util.List;

/**
 * Batched INSERTs, which work on any server: with {@code rewriteBatchedStatements} the driver sends a batch as
 * multi-row INSERTs of up to max_allowed_packet each.
 */
final class InsertRowWriter implements RowWriter {

    @Override
    public Rows prepare(Table table, List<Object[]> rows) {
        return new Rows() {
            @Override
            public void writeTo(Connection connection) throws SQLException {
                insert(connection, table, rows);
            }

            @Override
            public int count() {
                return rows.size();
            }
        };
    }

    private static void insert(Connection connection, Table table, List<Object[]> rows) throws SQLException {
        String placeholders = String.join(", ", Collections.nCopies(table.columns().size(), "?"));
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO " + table.name() + " (" + table.columnList() + ") VALUES (" + placeholders + ")")) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    bind(insert, i + 1, row[i]);
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void bind(PreparedStatement insert, int index, Object value) throws SQLException {
        if (value == null) {
            insert.setNull(index, Types.NULL);
        } else if (value instanceof Long number) {
            insert.setLong(index, number);
        } else if (value instanceof Boolean flag) {
            insert.setBoolean(index, flag);
        } else {
            insert.setString(index, value.toString());
        }
    }

    @Override
    public String describe() {
        return "batched multi-row INSERTs";
    }
}
