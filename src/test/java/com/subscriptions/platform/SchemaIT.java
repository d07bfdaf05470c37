package com.subscriptions.platform;

import com.subscriptions.IntegrationTest;
import com.subscriptions.TestDatabase;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the Liquibase changelogs build, checked on the live database after the service applied them. */
class SchemaIT extends IntegrationTest {

    @Test
    void migrationsCreateEveryTable() throws SQLException {
        try (Connection db = TestDatabase.connect()) {
            assertThat(tables(db)).contains("users", "subscription_plans", "user_subscriptions", "token_revocations",
                    "DATABASECHANGELOG");
        }
    }

    @Test
    void migrationsAreRerunnable() throws Exception {
        try (Connection db = TestDatabase.connect()) {
            long applied = count(db, "SELECT COUNT(*) FROM DATABASECHANGELOG");
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(
                    TestDatabase.connect()));
            // The same changelog path and resource accessor as the service, so changesets have the same identity.
            try (Liquibase liquibase = new Liquibase("liquibase/changelog.xml",
                    new ClassLoaderResourceAccessor(getClass().getClassLoader()), database)) {
                assertThat(liquibase.listUnrunChangeSets(null, null)).isEmpty();
                liquibase.update();
            }
            assertThat(count(db, "SELECT COUNT(*) FROM DATABASECHANGELOG")).isEqualTo(applied);
            assertThat(count(db, "SELECT COUNT(*) FROM subscription_plans WHERE name IN ('Free Plan','Basic Plan','Pro Plan')"))
                    .as("sample plans are seeded once").isEqualTo(5);
        }
    }

    @Test
    void aUserHasAtMostOneLiveSubscription() throws SQLException {
        try (Connection db = TestDatabase.connect()) {
            long user = insertUser(db);
            insertSubscription(db, user, "active");
            assertThatThrownBy(() -> insertSubscription(db, user, "trial"))
                    .isInstanceOf(SQLIntegrityConstraintViolationException.class)
                    .hasMessageContaining("uq_subscriptions_one_live_per_user");
            // Ended subscriptions do not count: history keeps as many as there were.
            insertSubscription(db, user, "canceled");
            insertSubscription(db, user, "expired");
            assertThat(count(db, "SELECT COUNT(*) FROM user_subscriptions WHERE user_id = " + user)).isEqualTo(3);
        }
    }

    @Test
    void aCanceledSubscriptionFreesTheLiveSlot() throws SQLException {
        try (Connection db = TestDatabase.connect()) {
            long user = insertUser(db);
            long first = insertSubscription(db, user, "trial");
            try (Statement update = db.createStatement()) {
                update.executeUpdate("UPDATE user_subscriptions SET status = 'canceled' WHERE id = " + first);
            }
            insertSubscription(db, user, "active");
            assertThat(count(db, "SELECT COUNT(*) FROM user_subscriptions WHERE live_user_id = " + user)).isEqualTo(1);
        }
    }

    @Test
    void usernamesAndEmailsAreUniqueWhateverTheirCase() throws SQLException {
        try (Connection db = TestDatabase.connect()) {
            String name = "case" + UUID.randomUUID().toString().substring(0, 8);
            insertUser(db, name, name + "@example.com");
            assertThatThrownBy(() -> insertUser(db, name.toUpperCase(), "other-" + name + "@example.com"))
                    .isInstanceOf(SQLIntegrityConstraintViolationException.class);
            assertThatThrownBy(() -> insertUser(db, "other" + name, name.toUpperCase() + "@EXAMPLE.COM"))
                    .isInstanceOf(SQLIntegrityConstraintViolationException.class);
        }
    }

    @Test
    void aPlanNameIsUniquePerInterval() throws SQLException {
        try (Connection db = TestDatabase.connect()) {
            assertThatThrownBy(() -> insertPlan(db, "Pro Plan", "monthly"))
                    .isInstanceOf(SQLIntegrityConstraintViolationException.class);
            // "Pro Plan" exists monthly and annual; quarterly is free.
            insertPlan(db, "Pro Plan", "quarterly");
            try (Statement delete = db.createStatement()) {
                delete.executeUpdate("DELETE FROM subscription_plans WHERE name = 'Pro Plan' AND billing_interval = 'quarterly'");
            }
        }
    }

    @Test
    void everyListHasAnIndexForItsFilterAndOrder() throws SQLException {
        try (Connection db = TestDatabase.connect()) {
            // History; expiring and the lifecycle job (in list order, filter covered); the dashboard's counts; the
            // admin's user search by status and/or plan (the user id inside, for its total).
            assertThat(indexColumns(db, "user_subscriptions")).contains(
                    "user_id,created_at,id", "current_period_end,id,status,auto_renew,cancel_at_period_end",
                    "live_user_id", "status,plan_id,user_id", "plan_id,user_id", "created_at", "canceled_at");
            assertThat(indexColumns(db, "subscription_events")).contains("user_id,created_at,id");
            assertThat(indexColumns(db, "subscription_plans")).contains(
                    "is_public,status,sort_order,id", "name,billing_interval");
        }
    }

    @Test
    void noIndexDuplicatesAnother() throws SQLException {
        try (Connection db = TestDatabase.connect()) {
            for (String table : List.of("users", "subscription_plans", "user_subscriptions", "token_revocations")) {
                List<String> indexes = indexColumns(db, table);
                assertThat(new HashSet<>(indexes)).as(table).hasSameSizeAs(indexes);
                for (String index : indexes) {
                    // An index that is a leading prefix of another is redundant.
                    assertThat(indexes.stream().filter(other -> !other.equals(index) && other.startsWith(index + ",")))
                            .as(table + " index " + index).isEmpty();
                }
            }
        }
    }

    private static Set<String> tables(Connection db) throws SQLException {
        Set<String> tables = new HashSet<>();
        try (ResultSet rs = db.createStatement().executeQuery(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    /** Each index of a table as its comma-separated columns. */
    private static List<String> indexColumns(Connection db, String table) throws SQLException {
        List<String> indexes = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement(
                "SELECT GROUP_CONCAT(column_name ORDER BY seq_in_index) FROM information_schema.statistics "
                        + "WHERE table_schema = DATABASE() AND table_name = ? GROUP BY index_name")) {
            query.setString(1, table);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    indexes.add(rs.getString(1).toLowerCase());
                }
            }
        }
        return indexes;
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long insertUser(Connection db) throws SQLException {
        String name = "u" + UUID.randomUUID().toString().substring(0, 12);
        return insertUser(db, name, name + "@example.com");
    }

    private static long insertUser(Connection db, String username, String email) throws SQLException {
        return insert(db, "INSERT INTO users (username, email, password_hash, created_at, updated_at) "
                + "VALUES (?, ?, 'x', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))", username, email);
    }

    private static void insertPlan(Connection db, String name, String interval) throws SQLException {
        insert(db, "INSERT INTO subscription_plans (name, description, price, billing_interval, features, created_at, "
                + "updated_at) VALUES (?, 'd', 1.00, ?, '{}', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))", name, interval);
    }

    private static long insertSubscription(Connection db, long user, String status) throws SQLException {
        return insert(db, "INSERT INTO user_subscriptions (user_id, plan_id, status, start_date, current_period_start, "
                + "current_period_end, created_at, updated_at) VALUES (?, 1, ?, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), "
                + "UTC_TIMESTAMP(6) + INTERVAL 1 MONTH, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))", user, status);
    }

    private static long insert(Connection db, String sql, Object... values) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < values.length; i++) {
                insert.setObject(i + 1, values[i]);
            }
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }
}
