package com.subscriptions.plan.control;

import com.subscriptions.paging.control.SqlRows;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The plan's columns in native SQL, selected under a prefix so that they can sit beside another table's. */
public final class PlanColumns {

    private static final String[] COLUMNS = {"id", "name", "description", "price", "currency", "billing_interval",
            "duration_months", "features", "status", "is_public", "max_users", "parent_id", "sort_order",
            "trial_days", "created_at", "updated_at"};

    private PlanColumns() {
    }

    /** {@code p.id AS p_id, p.name AS p_name, …} for table alias {@code p}. */
    public static String select(String alias) {
        return Arrays.stream(COLUMNS).map(c -> alias + "." + c + " AS " + alias + "_" + c)
                .collect(Collectors.joining(", "));
    }

    public static PlanView read(ResultSet row, String alias) throws SQLException {
        String p = alias + "_";
        return new PlanView(row.getLong(p + "id"), row.getString(p + "name"), row.getString(p + "description"),
                SqlRows.money(row, p + "price"), row.getString(p + "currency"), row.getString(p + "billing_interval"),
                row.getInt(p + "duration_months"), SqlRows.json(row, p + "features"), row.getString(p + "status"),
                row.getBoolean(p + "is_public"), SqlRows.nullableInt(row, p + "max_users"),
                SqlRows.nullableLong(row, p + "parent_id"), row.getInt(p + "sort_order"), row.getInt(p + "trial_days"),
                SqlRows.instant(row, p + "created_at"), SqlRows.instant(row, p + "updated_at"));
    }
}
