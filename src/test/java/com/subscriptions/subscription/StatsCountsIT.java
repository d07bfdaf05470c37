package com.subscriptions.subscription;

import com.subscriptions.IntegrationTest;
import com.subscriptions.Race;
import com.subscriptions.TestCatalog;
import com.subscriptions.TestDatabase;
import com.subscriptions.TestUsers;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import static com.subscriptions.ApiClient.api;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's figures come from counts that the database keeps in each change's own transaction (changeset
 * 010), summed by hour with the partial hours at a window's ends counted exactly. Whatever changed the subscriptions
 * (concurrent subscribes, cancellations and reactivations, an operator's UPDATE, the lifecycle job), every version's
 * figures equal a full count of their definitions, also for rows minutes inside or outside a window's ends; and so
 * does the expiring list's total, counted the same way; and a rebuild of the counts from scratch gives the same.
 */
class StatsCountsIT extends IntegrationTest {

    private static final int USERS = 12;

    /** The figures' definitions (contract §4), counted row by row at the database's clock. */
    private static final String FULL_COUNT = "SELECT "
            + "(SELECT COUNT(*) FROM user_subscriptions WHERE status = 'active'), "
            + "(SELECT COUNT(*) FROM user_subscriptions WHERE status = 'trial'), "
            + "(SELECT COUNT(*) FROM user_subscriptions WHERE status IN ('trial', 'active') "
            + "  AND current_period_end BETWEEN UTC_TIMESTAMP(6) AND UTC_TIMESTAMP(6) + INTERVAL 7 DAY "
            + "  AND (auto_renew = FALSE OR cancel_at_period_end = TRUE)), "
            + "(SELECT COUNT(*) FROM user_subscriptions WHERE created_at >= UTC_TIMESTAMP(6) - INTERVAL 7 DAY), "
            + "(SELECT COUNT(*) FROM user_subscriptions WHERE canceled_at >= UTC_TIMESTAMP(6) - INTERVAL 14 DAY)";

    private static RequestSpecification admin() {
        return api(TestUsers.admin().tokens().access()).contentType("application/json");
    }

    @Test
    void everyVersionsFiguresEqualAFullCountWhateverChangedTheSubscriptions() throws Exception {
        List<String> users = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            users.add(TestUsers.login(TestUsers.register()).access());
        }

        // Concurrently: half start a trial, half a plan that will not renew; then a third cancel now, a third
        // schedule the cancellation, and the last third schedule it and take it back.
        AtomicInteger next = new AtomicInteger();
        List<Long> ids = Race.of(USERS, () -> {
            int i = next.getAndIncrement();
            Map<String, Object> body = i % 2 == 0 ? Map.of("plan_id", TestCatalog.trialPlan(), "trial_days", 3)
                    : Map.of("plan_id", 2, "auto_renew", false);
            return api(users.get(i)).contentType("application/json").body(body).post("/api/v1/subscriptions")
                    .then().statusCode(201).extract().jsonPath().getLong("id");
        });
        AtomicInteger change = new AtomicInteger();
        Race.of(USERS, () -> {
            int i = change.getAndIncrement();
            RequestSpecification user = api(users.get(i)).contentType("application/json");
            user.body(Map.of("at_period_end", i % 3 != 0)).post("/api/v1/subscriptions/cancel").then()
                    .statusCode(200);
            if (i % 3 == 2) {
                user.body(Map.of()).post("/api/v1/subscriptions/reactivate").then().statusCode(200);
            }
            return i;
        });
        assertFiguresEqualAFullCount();

        // An operator's UPDATEs, to minutes inside and outside every window's ends (the partial hours): a column,
        // and where it goes from the database's now, for one subscription each.
        List<String> moves = """
                current_period_end + INTERVAL 7 DAY - INTERVAL 2 MINUTE
                current_period_end + INTERVAL 7 DAY + INTERVAL 2 MINUTE
                current_period_end + INTERVAL 2 MINUTE
                created_at - INTERVAL 7 DAY + INTERVAL 2 MINUTE
                created_at - INTERVAL 7 DAY - INTERVAL 2 MINUTE
                canceled_at - INTERVAL 14 DAY + INTERVAL 2 MINUTE
                canceled_at - INTERVAL 14 DAY - INTERVAL 2 MINUTE""".lines().toList();
        for (int i = 0; i < moves.size(); i++) {
            String[] move = moves.get(i).split(" ", 2);
            update("UPDATE user_subscriptions SET " + move[0] + " = UTC_TIMESTAMP(6) " + move[1] + " WHERE id = ?",
                    ids.get(i));
        }
        assertFiguresEqualAFullCount();

        // The lifecycle job ends trials, renews and expires: each change counted in its own transaction.
        for (long id : ids.subList(6, USERS)) {
            DueSubscriptions.endPeriodInThePast(id);
        }
        admin().post("/api/admin/lifecycle/run").then().statusCode(200);
        assertFiguresEqualAFullCount();

        // Counting everything again from scratch (what the sample-data loader does after a bulk load) gives the
        // counts that the changes kept, bucket by bucket.
        Map<String, Long> kept = counts();
        try (Connection db = TestDatabase.connect(); Statement rebuild = db.createStatement()) {
            rebuild.execute("CALL subscription_counts_rebuild()");
        }
        assertThat(counts()).as("counts rebuilt from scratch").isEqualTo(kept).isNotEmpty();
        assertFiguresEqualAFullCount();
    }

    /** Every bucket that counts something: {@code metric bucket slot} to its count. */
    private static Map<String, Long> counts() throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection db = TestDatabase.connect(); Statement query = db.createStatement();
             ResultSet row = query.executeQuery("SELECT metric, bucket, slot, n FROM subscription_counts "
                     + "WHERE n <> 0")) {
            while (row.next()) {
                counts.put(row.getString(1) + " " + row.getTimestamp(2) + " " + row.getInt(3), row.getLong(4));
            }
        }
        return counts;
    }

    /** The dashboard's figures, and the expiring list's totals (counted the same way) over 7 and 3 days. */
    private static void assertFiguresEqualAFullCount() throws Exception {
        long[] expected = fullCount();
        long endingIn3Days = endingWithoutRenewalWithin(3);
        for (String version : List.of("v1", "v2", "v3")) {
            JsonPath stats = admin().get("/api/" + version + "/subscriptions/stats").then().statusCode(200)
                    .extract().jsonPath();
            assertThat(new long[]{stats.getLong("active_count"), stats.getLong("trial_count"),
                    stats.getLong("expiring_soon_count"), stats.getLong("new_count"),
                    stats.getLong("recently_canceled_count")})
                    .as(version + ": active, trial, expiring soon, new, recently canceled").containsExactly(expected);
            assertThat(expiringTotal(version, 7)).as(version + ": expiring list total, 7 days").isEqualTo(expected[2]);
            assertThat(expiringTotal(version, 3)).as(version + ": expiring list total, 3 days")
                    .isEqualTo(endingIn3Days);
        }
    }

    private static long expiringTotal(String version, int days) {
        return admin().queryParam("days", days).get("/api/" + version + "/subscriptions/expiring").then()
                .statusCode(200).extract().jsonPath().getLong("total");
    }

    private static long endingWithoutRenewalWithin(int days) throws Exception {
        try (Connection db = TestDatabase.connect(); PreparedStatement query = db.prepareStatement(
                "SELECT COUNT(*) FROM user_subscriptions WHERE status IN ('trial', 'active') "
                        + "AND current_period_end BETWEEN UTC_TIMESTAMP(6) AND UTC_TIMESTAMP(6) + INTERVAL ? DAY "
                        + "AND (auto_renew = FALSE OR cancel_at_period_end = TRUE)")) {
            query.setInt(1, days);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static long[] fullCount() throws Exception {
        try (Connection db = TestDatabase.connect(); PreparedStatement query = db.prepareStatement(FULL_COUNT);
             ResultSet row = query.executeQuery()) {
            row.next();
            long[] counts = new long[5];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = row.getLong(i + 1);
            }
            return counts;
        }
    }

    private static void update(String sql, long subscriptionId) throws Exception {
        try (Connection db = TestDatabase.connect(); PreparedStatement update = db.prepareStatement(sql)) {
            update.setLong(1, subscriptionId);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
