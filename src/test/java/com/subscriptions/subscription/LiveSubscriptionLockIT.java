package com.subscriptions.subscription;

import com.subscriptions.IntegrationTest;
import com.subscriptions.TestDatabase;
import com.subscriptions.TestUsers;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import static com.subscriptions.ApiClient.api;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A change to a user's live subscription locks that subscription alone, not the user's history: a locking read by
 * user and status locked every past subscription and the gap after them, where the next user's new subscription is
 * inserted, and neighbouring users' writes deadlocked (about 1.7 a second under 16 writers). Here another transaction
 * holds one of the user's past subscriptions; the change must not wait for it.
 */
class LiveSubscriptionLockIT extends IntegrationTest {

    private static final long BASIC = 2;

    @Test
    void changingTheLiveSubscriptionDoesNotWaitForALockOnAPastOne() throws Exception {
        TestUsers.Account account = TestUsers.register();
        String token = TestUsers.login(account).access();
        api(token).contentType("application/json").body(Map.of("plan_id", BASIC)).post("/api/v1/subscriptions")
                .then().statusCode(201);
        api(token).contentType("application/json").body(Map.of("at_period_end", false))
                .post("/api/v1/subscriptions/cancel").then().statusCode(200);
        api(token).contentType("application/json").body(Map.of("plan_id", BASIC)).post("/api/v1/subscriptions")
                .then().statusCode(201);
        try (Connection other = TestDatabase.connect()) {
            other.setAutoCommit(false);
            // Locked by its primary key: a locking read by user would lock every row it scanned, the live one too.
            try (PreparedStatement lock = other.prepareStatement("SELECT id FROM user_subscriptions WHERE id = ? "
                    + "FOR UPDATE")) {
                lock.setLong(1, pastSubscriptionOf(other, account.id()));
                try (ResultSet locked = lock.executeQuery()) {
                    assertThat(locked.next()).as("the canceled subscription, locked").isTrue();
                }
            }
            // Waiting for that lock would end in the database's socket timeout (5 s): 503, not 200.
            api(token).contentType("application/json").body(Map.of("at_period_end", true))
                    .post("/api/v1/subscriptions/cancel").then().statusCode(200);
            other.rollback();
        }
        api(token).get("/api/v1/subscriptions/active").then().statusCode(200);
    }

    private static long pastSubscriptionOf(Connection connection, long userId) throws SQLException {
        try (PreparedStatement past = connection.prepareStatement("SELECT id FROM user_subscriptions "
                + "WHERE user_id = ? AND live_user_id IS NULL")) {
            past.setLong(1, userId);
            try (ResultSet found = past.executeQuery()) {
                assertThat(found.next()).as("the canceled subscription").isTrue();
                return found.getLong(1);
            }
        }
    }
}
