package com.subscriptions.subscription.control;

import com.subscriptions.paging.control.Cursor;
import com.subscriptions.paging.control.Page;
import com.subscriptions.paging.control.PageRequest;
import com.subscriptions.paging.control.PagedQuery;
import com.subscriptions.paging.control.SqlQueries;
import com.subscriptions.paging.control.SqlRows;
import com.subscriptions.plan.control.PlanColumns;
import com.subscriptions.platform.control.DataSources;
import com.subscriptions.subscription.control.SubscriptionDefinitions.Condition;
import com.subscriptions.subscription.control.SubscriptionDefinitions.Language;
import com.subscriptions.subscription.entity.SubscriptionStatus;
import com.subscriptions.versioning.control.ApiVersion;
import com.subscriptions.versioning.control.ReadStrategy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * v2: subscriptions read through native SQL (written for MySQL 8, run on MariaDB too), one statement a read: the
 * plan is joined, an offset page carries its total (see {@link PagedQuery}).
 */
@ApplicationScoped
@ReadStrategy(ApiVersion.V2)
public class NativeSubscriptionReads implements SubscriptionReads {

    private static final String SUBSCRIPTION = "s.id, s.user_id, s.plan_id, s.status, s.start_date, s.end_date, "
            + "s.trial_end_date, s.canceled_at, s.current_period_start, s.current_period_end, s.payment_status, "
            + "s.quantity, s.cancel_at_period_end, s.auto_renew, s.pending_plan_id, s.created_at, s.updated_at, "
            + PlanColumns.select("p");
    /**
     * The plan by its primary key, row by row: MariaDB otherwise scans the (tiny) plan table into a join buffer,
     * which loses the subscriptions' index order and sorts the whole range (seen on the expiring list at 1M rows).
     */
    private static final String PLAN_JOIN = "JOIN subscription_plans p FORCE INDEX (PRIMARY) ON p.id = s.plan_id";

    @Resource(lookup = DataSources.SERVICE)
    DataSource db;

    @Inject
    Clock clock;

    @Override
    public Optional<SubscriptionView> active(long userId) {
        Condition live = SubscriptionDefinitions.live(Language.SQL, "s");
        Condition inPeriod = SubscriptionDefinitions.inPeriod(Language.SQL, "s", clock.instant());
        List<Object> parameters = new ArrayList<>(List.of(userId));
        parameters.addAll(live.parameters());
        parameters.addAll(inPeriod.parameters());
        return SqlQueries.first(db, "SELECT " + SUBSCRIPTION + " FROM user_subscriptions s " + PLAN_JOIN
                        + " WHERE s.user_id = ? AND " + live.text() + " AND " + inPeriod.text() + " LIMIT 1",
                parameters, NativeSubscriptionReads::subscription);
    }

    @Override
    public Page<SubscriptionView> history(long userId, HistoryFilter filter, PageRequest page) {
        PagedQuery query = PagedQuery.select(SUBSCRIPTION, "user_subscriptions", "s").join(PLAN_JOIN).where("s.user_id = ?", userId)
                .orderBy("s.created_at", "s.id", true, NativeSubscriptionReads::instantKey);
        if (!filter.statuses().isEmpty()) {
            query.where("s.status IN (" + String.join(", ", Collections.nCopies(filter.statuses().size(), "?")) + ")",
                    filter.statuses().stream().map(SubscriptionStatus::value).toArray());
        }
        if (filter.from() != null) {
            query.where("s.created_at >= ?", Language.SQL.instant(filter.from()));
        }
        if (filter.to() != null) {
            query.where("s.created_at <= ?", Language.SQL.instant(filter.to()));
        }
        return SqlQueries.page(db, query, page, NativeSubscriptionReads::subscription,
                row -> cursor(row, "created_at"));
    }

    @Override
    public Page<EventView> events(long userId, PageRequest page) {
        PagedQuery query = PagedQuery.select("e.*", "subscription_events", "e").where("e.user_id = ?", userId)
                .orderBy("e.created_at", "e.id", true, NativeSubscriptionReads::instantKey);
        return SqlQueries.page(db, query, page, NativeSubscriptionReads::event, row -> cursor(row, "created_at"));
    }

    @Override
    public Page<ExpiringSubscription> expiring(int days, PageRequest page) {
        Instant now = clock.instant();
        Instant until = SubscriptionDefinitions.expiringUntil(now, days);
        Condition ending = SubscriptionDefinitions.endingWithoutRenewal(Language.SQL, "s", now, until);
        Condition total = SubscriptionDefinitions.expression(Language.SQL,
                SubscriptionDefinitions.endingWithoutRenewalCounted(Language.SQL, "tc", "ts", now, until), "tc", "ts");
        PagedQuery query = PagedQuery.select(SUBSCRIPTION + ", u.username, u.email", "user_subscriptions", "s")
                .join(PLAN_JOIN + " JOIN users u ON u.id = s.user_id")
                .where(ending.text(), ending.values())
                .totalAs(total.text(), total.parameters())
                .orderBy("s.current_period_end", "s.id", false, NativeSubscriptionReads::instantKey);
        return SqlQueries.page(db, query, page,
                row -> new ExpiringSubscription(subscription(row), new ExpiringSubscription.Subscriber(
                        row.getLong("user_id"), row.getString("username"), row.getString("email"))),
                row -> cursor(row, "current_period_end"));
    }

    /** The five figures from the counts the database keeps, in one statement. */
    @Override
    public SubscriptionStats stats() {
        List<String> selected = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        SubscriptionDefinitions.stats(Language.SQL, "c", "s", clock.instant()).forEach((alias, figure) -> {
            Condition figureSql = SubscriptionDefinitions.expression(Language.SQL, figure, "c", "s");
            selected.add(figureSql.text() + " AS " + alias);
            parameters.addAll(figureSql.parameters());
        });
        return SqlQueries.first(db, "SELECT " + String.join(", ", selected), parameters, row -> new SubscriptionStats(
                row.getLong(SubscriptionStats.ACTIVE), row.getLong(SubscriptionStats.TRIAL),
                row.getLong(SubscriptionStats.EXPIRING_SOON), row.getLong(SubscriptionStats.NEW),
                row.getLong(SubscriptionStats.RECENTLY_CANCELED))).orElseThrow();
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

    private static Cursor cursor(ResultSet row, String sortColumn) throws SQLException {
        return Cursor.of(SqlRows.exactInstant(row, sortColumn), row.getLong("id"));
    }

    private static Object instantKey(Cursor cursor) {
        return Language.SQL.instant((Instant) cursor.key(Instant.class));
    }
}
