package com.subscriptions.sampledata;

import com.mysql.cj.jdbc.JdbcStatement;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * LOAD DATA LOCAL INFILE fed from memory (tab-separated, {@code \N} for NULL): the server skips the SQL parsing of
 * multi-row INSERTs. LOCAL turns errors into warnings and skips such rows, so the loaded count is checked.
 */
final class LoadDataRowWriter implements RowWriter {

    @Override
    public Rows prepare(Table table, List<Object[]> rows) {
        byte[] data = tabSeparated(rows);
        int count = rows.size();
        return new Rows() {
            @Override
            public void writeTo(Connection connection) throws SQLException {
                load(connection, table, data, count);
            }

            @Override
            public int count() {
                return count;
            }
        };
    }

    private static void load(Connection connection, Table table, byte[] data, int count) throws SQLException {
        try (Statement load = connection.createStatement()) {
            // The stream replaces the file named in the statement: nothing is read from disk.
            load.unwrap(JdbcStatement.class).setLocalInfileInputStream(new ByteArrayInputStream(data));
            int loaded = load.executeUpdate("LOAD DATA LOCAL INFILE 'rows.tsv' INTO TABLE " + table.name()
                    + " CHARACTER SET utf8mb4 (" + table.columnList() + ")");
            if (loaded != count) {
                throw new SQLException("LOAD DATA into " + table.name() + " took " + loaded + " of " + count
                        + " rows: " + warnings(load));
            }
        }
    }

    private static byte[] tabSeparated(List<Object[]> rows) {
        StringBuilder text = new StringBuilder(rows.size() * 160);
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    text.append('\t');
                }
                appendField(text, row[i]);
            }
            text.append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void appendField(StringBuilder text, Object value) {
        if (value == null) {
            text.append("\\N");
        } else if (value instanceof Boolean flag) {
            text.append(flag ? '1' : '0');
        } else if (value instanceof String string) {
            for (int i = 0; i < string.length(); i++) {
                char c = string.charAt(i);
                switch (c) {
                    case '\\' -> text.append("\\\\");
                    case '\t' -> text.append("\\t");
                    case '\n' -> text.append("\\n");
                    default -> text.append(c);
                }
            }
        } else {
            text.append(value);
        }
    }

    private static String warnings(Statement statement) throws SQLException {
        StringBuilder warnings = new StringBuilder();
        try (ResultSet shown = statement.executeQuery("SHOW WARNINGS LIMIT 5")) {
            while (shown.next()) {
                warnings.append(shown.getString("Message")).append("; ");
            }
        }
        return warnings.toString();
    }

    @Override
    public String describe() {
        return "LOAD DATA LOCAL INFILE";
    }
}
