package com.subscriptions.subscription.control;

import com.subscriptions.plan.control.PlanColumns;
import com.subscriptions.platform.control.ApiVersion;
import com.subscriptions.platform.control.Page;
import com.subscriptions.platform.control.PageRequest;
import com.subscriptions.platform.control.ReadStrategy;
import com.subscriptions.platform.control.SqlQueries;
import com.subscriptions.platform.control.SqlRows;
import com.subscriptions.subscription.entity.SubscriptionStatus;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * v2: subscriptions read through native SQL (written for MySQL 8, run on MariaDB too), one statement a read: the
 * plan is joined, a list carries its total ({@code COUNT(*) OVER ()}).
 */
@ApplicationScoped
@ReadStrategy(ApiVersion.V2)
public class NativeSubscriptionReads implements SubscriptionReads {

    private static final String SUBSCRIPTION = "s.id, s.user_id, s.plan_id, s.status, s.start_date, s.end_date, "
            + "s.trial_end_date, s.canceled_at, s.current_period_start, s.current_period_end, s.payment_status, "
            + "s.quantity, s.cancel_at_period_end, s.auto_renew, s.pending_plan_id, s.created_at, s.updated_at, "
            + PlanColumns.select("p");
    private static final String WITH_PLAN = " FROM user_subscriptions s JOIN subscription_plans p ON p.id = s.plan_id";
    private static final String LIVE = "s.status IN ('trial', 'active')";
    private static final String ENDING_WITHOUT_RENEWAL = LIVE + " AND s.current_period_end BETWEEN ? AND ? "
            + "AND (s.auto_renew = FALSE OR s.cancel_at_period_end = TRUE)";

    @Resource(lookup = "jdbc/subscriptions")
    DataSource db;

    @Inject
    Clock clock;

    @Override
    public Optional<SubscriptionView> active(long userId) {
        return SqlQueries.first(db, "SELECT " + SUBSCRIPTION + WITH_PLAN + " WHERE s.user_id = ? AND " + LIVE
                        + " AND (s.current_period_end IS NULL OR s.current_period_end > ?) LIMIT 1",
                List.of(userId, utc(clock.instant())), NativeSubscriptionReads::subscription);
    }

    @Override
    public Page<SubscriptionView> history(long userId, HistoryFilter filter, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE s.user_id = ?");
        List<Object> parameters = new ArrayList<>(List.of(userId));
        if (!filter.statuses().isEmpty()) {
            where.append(" AND s.status IN (").append(String.join(", ",
                    Collections.nCopies(filter.statuses().size(), "?"))).append(")");
            filter.statuses().stream().map(SubscriptionStatus::value).forEach(parameters::add);
        }
        if (filter.from() != null) {
            where.append(" AND s.created_at >= ?");
            parameters.add(utc(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" AND s.created_at <= ?");
            parameters.add(utc(filter.to()));
        }
        return SqlQueries.page(db,
                "SELECT " + SUBSCRIPTION + ", COUNT(*) OVER () AS total_rows" + WITH_PLAN + where
                        + " ORDER BY s.created_at DESC, s.id DESC",
                "SELECT COUNT(*) FROM user_subscriptions s" + where, parameters, page,
                NativeSubscriptionReads::subscription);
    }

    @Override
    public Page<EventView> events(long userId, PageRequest page) {
        return SqlQueries.page(db,
                "SELECT e.*, COUNT(*) OVER () AS total_rows FROM subscription_events e WHERE e.user_id = ? "
                        + "ORDER BY e.created_at DESC, e.id DESC",
                "SELECT COUNT(*) FROM subscription_events e WHERE e.user_id = ?", List.of(userId), page,
                NativeSubscriptionReads::event);
    }

    @Override
    public Page<ExpiringSubscription> expiring(int days, PageRequest page) {
        Instant now = clock.instant();
        String where = " WHERE " + ENDING_WITHOUT_RENEWAL;
        return SqlQueries.page(db,
                "SELECT " + SUBSCRIPTION + ", u.username, u.email, COUNT(*) OVER () AS total_rows" + WITH_PLAN
                        + " JOIN users u ON u.id = s.user_id" + where + " ORDER BY s.current_period_end, s.id",
                "SELECT COUNT(*) FROM user_subscriptions s" + where,
                List.of(utc(now), utc(now.plus(Duration.ofDays(days)))), page,
                row -> new ExpiringSubscription(subscription(row), new ExpiringSubscription.Subscriber(
                        row.getLong("user_id"), row.getString("username"), row.getString("email"))));
    }

    @Override
    public SubscriptionStats stats() {
        Instant now = clock.instant();
        return SqlQueries.first(db, "SELECT "
                        + "COALESCE(SUM(s.status = 'active'), 0), "
                        + "COALESCE(SUM(s.status = 'trial'), 0), "
                        + "COALESCE(SUM(" + ENDING_WITHOUT_RENEWAL + "), 0), "
                        + "COALESCE(SUM(s.created_at >= ?), 0), "
                        + "COALESCE(SUM(s.canceled_at >= ?), 0) "
                        + "FROM user_subscriptions s",
                List.of(utc(now), utc(now.plus(Duration.ofDays(SubscriptionStats.EXPIRING_DAYS))),
                        utc(now.minus(Duration.ofDays(SubscriptionStats.NEW_DAYS))),
                        utc(now.minus(Duration.ofDays(SubscriptionStats.CANCELED_DAYS)))),
                row -> new SubscriptionStats(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4),
                        row.getLong(5))).orElseThrow();
    }

    private static SubscriptionView subscription(ResultSet row) throws SQLException {
        return new SubscriptionView(row.getLong("id"), row.getLong("user_id"), row.getLong("plan_id"),
                row.getString("status"), SqlRows.instant(row, "start_date"), SqlRows.instant(row, "end_date"),
                SqlRows.instant(row, "trial_end_date"), SqlRows.instant(row, "canceled_at"),
                SqlRows.instant(row, "current_period_start"), SqlRows.instant(row, "current_period_end"),
                row.getString("payment_status"), row.getInt("quantity"), row.getBoolean("cancel_at_period_end"),
                row.getBoolean("auto_renew"), SqlRows.nullableLong(row, "pending_plan_id"),
                SqlRows.instant(row, "created_at"), SqlRows.instant(row, "updated_at"), PlanColumns.read(row, "p"));
    }

    private static EventView event(ResultSet row) throws SQLException {
        ProrationView proration = row.getBigDecimal("credit") == null ? null : new ProrationView(
                row.getBigDecimal("credit"), row.getBigDecimal("charge"), row.getBigDecimal("net"),
                row.getString("currency"));
        return new EventView(row.getLong("id"), row.getLong("subscription_id"), row.getString("type"),
                SqlRows.nullableLong(row, "from_plan_id"), SqlRows.nullableLong(row, "to_plan_id"), proration,
                row.getString("actor"), SqlRows.instant(row, "created_at"));
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
