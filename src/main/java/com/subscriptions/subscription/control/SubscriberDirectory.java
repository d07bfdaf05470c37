package com.subscriptions.subscription.control;

import com.subscriptions.paging.control.Cursor;
import com.subscriptions.paging.control.Page;
import com.subscriptions.paging.control.PageRequest;
import com.subscriptions.paging.control.PagedQuery;
import com.subscriptions.paging.control.SqlQueries;
import com.subscriptions.paging.control.SqlRows;
import com.subscriptions.platform.control.DataSources;
import com.subscriptions.platform.entity.CodedEnum;
import com.subscriptions.subscription.control.SubscriptionDefinitions.Condition;
import com.subscriptions.subscription.entity.SubscriptionStatus;
import com.subscriptions.user.control.UserSearch;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The admin's user search ({@link UserSearch}) over any number of users: by username prefix (or email prefix when the
 * text has an {@code @}), ordered by that column alone (it is unique) so that a page is a range of its unique index;
 * optionally only users with a subscription in a status and/or on a plan. Each user comes with their live
 * subscription, if any. One statement a page (two with a status or plan filter: a count chooses how to read);
 * keyset paging continues after the last name seen.
 */
@ApplicationScoped
public class SubscriberDirectory implements UserSearch {

    @Resource(lookup = DataSources.SERVICE)
    DataSource db;

    /**
     * A status or plan held by more subscriptions than this is probed per user in name order; a rarer one is
     * gathered first (README, "Admin figures at a million"). The tests set 0 so that both ways run.
     */
    @Inject
    @ConfigProperty(name = "admin.user-search.probe-above", defaultValue = "10000")
    long probeAbove;

    @Override
    public Page<Listed> search(Search search, PageRequest page) {
        SubscriptionStatus status = CodedEnum.parse("status", search.status(), SubscriptionStatus.class);
        String column = search.prefix() != null && search.prefix().contains("@") ? "u.email" : "u.username";
        PagedQuery query = PagedQuery.select("u.id, u.username, u.email, u.is_admin, u.created_at, s.id AS s_id, s.status, "
                                + "s.plan_id, p.name AS plan_name, s.current_period_end", "users", "u")
                .join("LEFT JOIN user_subscriptions s ON s.live_user_id = u.id "
                        + "LEFT JOIN subscription_plans p ON p.id = s.plan_id")
                .orderByUnique(column, false, cursor -> cursor.key());
        if (search.prefix() != null) {
            query.where(column + " LIKE ?", escapeLike(search.prefix()) + "%");
        }
        boolean live = status != null && status.isLive();
        if (live && held(status) > probeAbove) {
            whereLiveSubscription(query, status, search);
        } else if (status != null || search.planId() != null) {
            // A live status held this rarely matches few subscriptions, with a plan or without: no need to count.
            whereAnySubscription(query, status, search, !live);
        }
        String sortColumn = column.substring(2);
        return SqlQueries.page(db, query, page, SubscriberDirectory::listed,
                row -> new Cursor(row.getString(sortColumn), row.getLong("id")));
    }

    /** How many subscriptions are in a live status, as kept counted: one small statement. */
    private long held(SubscriptionStatus status) {
        Condition count = SubscriptionDefinitions.liveCount(status, "tc");
        return SqlQueries.first(db, "SELECT " + count.text() + " AS held", count.parameters(),
                row -> row.getLong("held")).orElse(0L);
    }

    /**
     * Users with any subscription in the status and/or on the plan. When more than {@link #probeAbove} subscriptions
     * match (counted no further than that, along the status's or the plan's index), each user is probed in name order
     * (a scalar subquery, which MariaDB cannot turn into a semi-join) and a page stops the reading; a rarer match is
     * gathered first ({@code EXISTS}): probing for it would walk most users. The total counts the matching
     * subscriptions' distinct users along the same index (it holds the user id).
     *
     * @param mayMatchMany false where the caller knows few match (a rarely held live status): nothing is counted
     */
    private void whereAnySubscription(PagedQuery query, SubscriptionStatus status, Search search,
                                      boolean mayMatchMany) {
        StringBuilder matching = new StringBuilder();
        List<Object> values = new ArrayList<>();
        if (status != null) {
            matching.append(" AND f.status = ?");
            values.add(status.value());
        }
        if (search.planId() != null) {
            matching.append(" AND f.plan_id = ?");
            values.add(search.planId());
        }
        String conditions = matching.substring(" AND ".length());
        if (!mayMatchMany || !matchMany(conditions, values)) {
            query.where("EXISTS (SELECT 1 FROM user_subscriptions f WHERE f.user_id = u.id" + matching + ")",
                    values.toArray());
            return;
        }
        query.where("(SELECT f.id FROM user_subscriptions f WHERE f.user_id = u.id" + matching
                + " LIMIT 1) IS NOT NULL", values.toArray());
        if (search.prefix() == null) {
            query.totalAs("(SELECT COUNT(DISTINCT f.user_id) FROM user_subscriptions f WHERE " + conditions + ")",
                    values);
        }
    }

    private boolean matchMany(String conditions, List<Object> values) {
        List<Object> parameters = new ArrayList<>(values);
        parameters.add(probeAbove + 1);
        return SqlQueries.first(db, "SELECT COUNT(*) AS matching FROM (SELECT 1 FROM user_subscriptions f WHERE "
                        + conditions + " LIMIT ?) m", parameters, row -> row.getLong("matching")).orElse(0L)
                > probeAbove;
    }

    /**
     * A live status (trial, active) is that of the user's one live subscription (the unique key on
     * {@code live_user_id}). As a probe of that row per user, it lets the database read users in name order and stop
     * after a page: most users match the common statuses, and an {@code EXISTS} over all their subscriptions made
     * MariaDB first gather the 900,000 active ones (4.2 s at a million). The total comes from the kept counts, or,
     * with a plan, from the live subscriptions on it (one per user).
     */
    private static void whereLiveSubscription(PagedQuery query, SubscriptionStatus status, Search search) {
        String live = "(SELECT f.status FROM user_subscriptions f WHERE f.live_user_id = u.id";
        List<Object> values = new ArrayList<>();
        if (search.planId() != null) {
            live += " AND f.plan_id = ?";
            values.add(search.planId());
        }
        values.add(status.value());
        query.where(live + ") = ?", values.toArray());
        if (search.prefix() == null) {
            Condition total = search.planId() == null ? SubscriptionDefinitions.liveCount(status, "tc")
                    : new Condition("(SELECT COUNT(*) FROM user_subscriptions ts WHERE ts.status = ? "
                    + "AND ts.plan_id = ?)", List.of(status.value(), search.planId()));
            query.totalAs(total.text(), total.parameters());
        }
    }

    private static Listed listed(ResultSet row) throws SQLException {
        Long subscription = SqlRows.nullableLong(row, "s_id");
        return new Listed(row.getLong("id"), row.getString("username"), row.getString("email"),
                row.getBoolean("is_admin"), SqlRows.instant(row, "created_at"), subscription == null ? null
                : new LiveSubscription(subscription, row.getString("status"), row.getLong("plan_id"),
                row.getString("plan_name"), SqlRows.instant(row, "current_period_end")));
    }

    /** A prefix is matched literally: LIKE's wildcards in it are escaped. */
    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
