package com.subscriptions.plan.control;

import com.subscriptions.platform.control.ApiVersion;
import com.subscriptions.platform.control.Page;
import com.subscriptions.platform.control.PageRequest;
import com.subscriptions.platform.control.ReadStrategy;
import com.subscriptions.platform.control.SqlQueries;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** v2: plans read through native SQL, one statement a read (the list carries its total). */
@ApplicationScoped
@ReadStrategy(ApiVersion.V2)
public class NativePlanReads implements PlanReads {

    @Resource(lookup = "jdbc/subscriptions")
    DataSource db;

    @Override
    public Page<PlanView> list(PlanFilter filter, PageRequest page) {
        List<String> where = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        if (filter.publicOnly()) {
            where.add("p.is_public = TRUE");
        }
        if (filter.status() != null) {
            where.add("p.status = ?");
            parameters.add(filter.status().value());
        }
        String condition = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        return SqlQueries.page(db,
                "SELECT " + PlanColumns.select("p") + ", COUNT(*) OVER () AS total_rows FROM subscription_plans p"
                        + condition + " ORDER BY p.sort_order, p.id",
                "SELECT COUNT(*) FROM subscription_plans p" + condition,
                parameters, page, row -> PlanColumns.read(row, "p"));
    }

    @Override
    public Optional<PlanView> byId(long id) {
        return SqlQueries.first(db, "SELECT " + PlanColumns.select("p") + " FROM subscription_plans p WHERE p.id = ?",
                List.of(id), row -> PlanColumns.read(row, "p"));
    }
}
