package com.subscriptions.platform.control;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Native SQL reads on the container DataSource, without a transaction (autocommit). A page comes with its
 * total in the same statement ({@code COUNT(*) OVER ()}); only a page past the end, which has no row to carry
 * the total, costs a second statement.
 */
public final class SqlQueries {

    /** Maps the current row. */
    @FunctionalInterface
    public interface RowMapper<R> {
        R map(ResultSet row) throws SQLException;
    }

    private SqlQueries() {
    }

    /**
     * @param select  the query without LIMIT; its select list ends with {@code COUNT(*) OVER () AS total_rows}
     * @param count   the same filter as a COUNT query, for a page past the end
     */
    public static <R> Page<R> page(DataSource db, String select, String count, List<Object> parameters,
                                   PageRequest page, RowMapper<R> mapper) {
        try (Connection connection = db.getConnection()) {
            List<R> items = new ArrayList<>();
            long total = 0;
            List<Object> paged = new ArrayList<>(parameters);
            paged.add(page.perPage());
            paged.add(page.offset());
            try (PreparedStatement statement = prepare(connection, select + " LIMIT ? OFFSET ?", paged);
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    total = rows.getLong("total_rows");
                    items.add(mapper.map(rows));
                }
            }
            if (items.isEmpty() && page.offset() > 0) {
                total = single(connection, count, parameters, row -> row.getLong(1)).orElse(0L);
            }
            return new Page<>(items, total, page);
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed", e);
        }
    }

    /** The first row of a query, if any. */
    public static <R> java.util.Optional<R> first(DataSource db, String select, List<Object> parameters,
                                                  RowMapper<R> mapper) {
        try (Connection connection = db.getConnection()) {
            return single(connection, select, parameters, mapper);
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed", e);
        }
    }

    private static <R> java.util.Optional<R> single(Connection connection, String select, List<Object> parameters,
                                                    RowMapper<R> mapper) throws SQLException {
        try (PreparedStatement statement = prepare(connection, select, parameters);
             ResultSet rows = statement.executeQuery()) {
            return rows.next() ? java.util.Optional.of(mapper.map(rows)) : java.util.Optional.empty();
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, List<Object> parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
        return statement;
    }
}
