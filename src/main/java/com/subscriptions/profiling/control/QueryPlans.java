package com.subscriptions.profiling.control;

import com.subscriptions.platform.control.DataSources;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** The database's plan (EXPLAIN) for a statement a request ran, with the parameters it ran with. */
@ApplicationScoped
public class QueryPlans {

    @Resource(lookup = DataSources.SERVICE)
    DataSource db;

    /** One map per row of EXPLAIN, column label → value, in the database's column order. */
    public List<Map<String, Object>> explain(StatementLog.Statement statement) {
        try (Connection connection = db.getConnection();
             PreparedStatement explain = connection.prepareStatement("EXPLAIN " + statement.sql())) {
            List<Object> parameters = statement.parameters();
            for (int i = 0; i < parameters.size(); i++) {
                explain.setObject(i + 1, parameters.get(i) == ProfiledJdbc.NULL ? null : parameters.get(i));
            }
            List<Map<String, Object>> plan = new ArrayList<>();
            try (ResultSet rows = explain.executeQuery()) {
                ResultSetMetaData columns = rows.getMetaData();
                while (rows.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= columns.getColumnCount(); c++) {
                        row.put(columns.getColumnLabel(c), rows.getObject(c));
                    }
                    plan.add(row);
                }
            }
            return plan;
        } catch (SQLException e) {
            return List.of(Map.of("error", e.getMessage()));
        }
    }
}
