package com.subscriptions.paging.control;

import com.subscriptions.profiling.control.ProfiledJdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Native SQL reads on the container DataSource, without a transaction (autocommit): one statement a page, since
 * an offset page carries its total and a keyset page does not count. Only an offset page past the end, which has
 * no row to carry the total, costs a second statement.
 */
public final class SqlQueries {

    /** Maps the current row. */
    @FunctionalInterface
    public interface RowMapper<R> {
        R map(ResultSet row) throws SQLException;
    }

    private SqlQueries() {
    }

    /** An offset page's rows carry the total, labelled {@link PagedQuery#TOTAL}. */
    public static <R> Page<R> page(DataSource db, PagedQuery query, PageRequest page, RowMapper<R> mapper,
                                   RowMapper<Cursor> cursorOf) {
        try (Connection connection = ProfiledJdbc.wrap(db.getConnection())) {
            List<Object> parameters = query.pageParameters(page);
            parameters.add(page.rowsToRead());
            parameters.add(page.offset());
            List<Positioned<R>> rows = new ArrayList<>();
            long total = 0;
            try (PreparedStatement statement = prepare(connection, query.pageQuery(page) + " LIMIT ? OFFSET ?",
                    parameters); ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(new Positioned<>(mapper.map(result), cursorOf.map(result)));
                    total = page.keyset() ? 0 : result.getLong(PagedQuery.TOTAL);
                }
            }
            if (!page.keyset() && rows.isEmpty() && page.offset() > 0) {
                total = single(connection, query.countQuery(), query.countParameters(), r -> r.getLong(1))
                        .orElse(0L);
            }
            return Page.of(rows, total, page, Positioned::item, Positioned::cursor);
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed", e);
        }
    }

    /** The first row of a query, if any. */
    public static <R> Optional<R> first(DataSource db, String select, List<Object> parameters, RowMapper<R> mapper) {
        try (Connection connection = ProfiledJdbc.wrap(db.getConnection())) {
            return single(connection, select, parameters, mapper);
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed", e);
        }
    }

    private static <R> Optional<R> single(Connection connection, String select, List<Object> parameters,
                                          RowMapper<R> mapper) throws SQLException {
        try (PreparedStatement statement = prepare(connection, select, parameters);
             ResultSet rows = statement.executeQuery()) {
            return rows.next() ? Optional.of(mapper.map(rows)) : Optional.empty();
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
