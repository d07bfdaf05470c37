package com.subscriptions.paging.control;

import com.subscriptions.platform.control.Times;
import com.subscriptions.platform.entity.JsonP;
import jakarta.json.JsonObject;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Reading the service's column types from JDBC rows: DATETIME holds UTC, JSON holds an object. */
public final class SqlRows {

    private SqlRows() {
    }

    /** As the contract shows it: whole seconds. */
    public static Instant instant(ResultSet row, String column) throws SQLException {
        return Times.seconds(exactInstant(row, column));
    }

    /** With the column's full (microsecond) precision, as keyset cursors need it. */
    public static Instant exactInstant(ResultSet row, String column) throws SQLException {
        LocalDateTime value = row.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    public static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    public static Integer nullableInt(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    public static BigDecimal money(ResultSet row, String column) throws SQLException {
        return row.getBigDecimal(column);
    }

    public static JsonObject json(ResultSet row, String column) throws SQLException {
        return JsonP.parseObject(row.getString(column));
    }
}
