package com.subscriptions.plan.control;

import com.subscriptions.paging.control.Cursor;
import com.subscriptions.paging.control.Page;
import com.subscriptions.paging.control.PageRequest;
import com.subscriptions.paging.control.PagedQuery;
import com.subscriptions.paging.control.SqlQueries;
import com.subscriptions.platform.control.DataSources;
import com.subscriptions.versioning.control.ApiVersion;
import com.subscriptions.versioning.control.ReadStrategy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** v2: plans read through native SQL, one statement a read (an offset page carries its total). */
@ApplicationScoped
@ReadStrategy(ApiVersion.V2)
public class NativePlanReads implements PlanReads {

    @Resource(lookup = DataSources.SERVICE)
    DataSource db;

    @Override
    public Page<PlanView> list(PlanFilter filter, PageRequest page) {
        PagedQuery query = PagedQuery.select(PlanColumns.select("p"), "subscription_plans", "p")
                .orderBy("p.sort_order", "p.id", false, cursor -> cursor.key(Integer.class));
        if (filter.publicOnly()) {
            query.where("p.is_public = TRUE");
        }
        if (filter.status() != null) {
            query.where("p.status = ?", filter.status().value());
        }
        return SqlQueries.page(db, query, page, row -> PlanColumns.read(row, "p"),
                row -> Cursor.of(row.getInt("p_sort_order"), row.getLong("p_id")));
    }

    @Override
    public Optional<PlanView> byId(long id) {
        return SqlQueries.first(db, "SELECT " + PlanColumns.select("p") + " FROM subscription_plans p WHERE p.id = ?",
                List.of(id), row -> PlanColumns.read(row, "p"));
    }
}
