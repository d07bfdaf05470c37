package com.subscriptions.pool;

import com.subscriptions.IntegrationTest;
import com.subscriptions.TestDatabase;
import com.subscriptions.TestServer;
import com.subscriptions.TestUsers;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import static com.subscriptions.ApiClient.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

/**
 * The connection pool's live statistics and tuning, applied without a restart: through Payara's commands, or
 * WildFly's management model (where only the wait is live: its pool sizes need a reload).
 */
class AdminPoolIT extends IntegrationTest {

    private static RequestSpecification admin() {
        return api(TestUsers.admin().tokens().access()).contentType("application/json");
    }

    @AfterEach
    void restoreTheConfiguredSizes() {
        admin().body(Map.of("steady_pool_size", 0, "max_pool_size", 32, "max_wait_millis", 5000))
                .put("/api/admin/pool").then().statusCode(200);
    }

    @Test
    void statisticsCountTheConnectionsThatServedRequests() {
        for (int i = 0; i < 5; i++) {
            api().get("/api/v2/plans/1").then().statusCode(200);
        }
        JsonPath pool = admin().get("/api/admin/pool").then().statusCode(200).extract().jsonPath();
        if (TestServer.isWildFly()) {
            assertThat((Object) pool.get("acquired")).as("WildFly counts no acquisitions").isNull();
        } else {
            assertThat(pool.getLong("acquired")).isPositive();
        }
        assertThat(pool.getLong("created")).isPositive();
        assertThat(pool.getLong("max_used")).isPositive();
        assertThat(pool.getLong("in_use") + pool.getLong("free")).isPositive();
        assertThat(pool.getLong("max_pool_size")).isEqualTo(32);
        assertThat(pool.getLong("steady_pool_size")).isZero();
    }

    @Test
    void aLargerPoolIsReportedAtOnceAndServes() {
        if (TestServer.isWildFly()) {
            admin().body(Map.of("max_pool_size", 40)).put("/api/admin/pool").then().statusCode(501)
                    .contentType("application/problem+json").body("detail", containsString("reload"));
            admin().get("/api/admin/pool").then().body("max_pool_size", equalTo(32));
        } else {
            admin().body(Map.of("max_pool_size", 40, "max_wait_millis", 5000)).put("/api/admin/pool").then()
                    .statusCode(200).body("max_pool_size", equalTo(40)).body("max_wait_millis", equalTo(5000));
            admin().get("/api/admin/pool").then().body("max_pool_size", equalTo(40));
        }
        api().get("/api/v2/plans/1").then().statusCode(200);
    }

    @Test
    void aShorterWaitIsAppliedAtOnce() {
        admin().body(Map.of("max_wait_millis", 4000)).put("/api/admin/pool").then().statusCode(200)
                .body("max_wait_millis", equalTo(4000));
        admin().get("/api/admin/pool").then().body("max_wait_millis", equalTo(4000));
        api().get("/api/v2/plans/1").then().statusCode(200);
    }

    @Test
    void steadyAboveMaxAndOutOfBoundsAreRefusedAndChangeNothing() {
        admin().body(Map.of("steady_pool_size", 33)).put("/api/admin/pool").then().statusCode(400)
                .body("errors", hasKey("steady_pool_size"));
        admin().body(Map.of("max_pool_size", 0)).put("/api/admin/pool").then().statusCode(400)
                .body("errors", hasKey("max_pool_size"));
        admin().get("/api/admin/pool").then().body("steady_pool_size", equalTo(0)).body("max_pool_size", equalTo(32));
    }

    /** JSON-B alone read these as 0 and the pool took them. */
    @Test
    void hugeOrFractionalNumbersAreRefusedNotTruncated() {
        for (String body : new String[]{"{\"max_wait_millis\": 1e308}", "{\"steady_pool_size\": 1e180}",
                "{\"max_pool_size\": 40.5}"}) {
            admin().body(body).put("/api/admin/pool").then().statusCode(400).body("errors.size()", equalTo(1));
        }
        admin().get("/api/admin/pool").then().body("steady_pool_size", equalTo(0)).body("max_pool_size", equalTo(32))
                .body("max_wait_millis", equalTo(5000));
    }

    @Test
    void onlyAdminsSeeThePool() {
        api(TestUsers.login(TestUsers.register()).access()).get("/api/admin/pool").then().statusCode(403);
    }

    /**
     * The figures are the pool's real connections: lent plus free is what the database sees from the service, and
     * never more than the maximum (after the whole suite's traffic, when a drifting counter would show it).
     */
    @Test
    void lentAndFreeConnectionsAreWhatTheDatabaseSees() throws Exception {
        for (int i = 0; i < 20; i++) {
            api().get("/api/v1/plans/" + (1 + i % 5)).then().statusCode(200);
        }
        for (int attempt = 0; ; attempt++) {
            JsonPath before = admin().get("/api/admin/pool").then().statusCode(200).extract().jsonPath();
            long seen = serviceConnections();
            JsonPath after = admin().get("/api/admin/pool").then().statusCode(200).extract().jsonPath();
            long held = after.getLong("in_use") + after.getLong("free");
            assertThat(after.getLong("in_use")).isBetween(0L, after.getLong("max_pool_size"));
            boolean stable = held == before.getLong("in_use") + before.getLong("free");
            if (stable || attempt == 5) {
                // Within the connections being opened or closed while we look.
                assertThat(held).as("pool connections vs. the database's process list").isBetween(seen - 2, seen + 2);
                return;
            }
        }
    }

    /** The connections of the service's user to this database, besides this test's own. */
    private static long serviceConnections() throws Exception {
        try (Connection db = TestDatabase.connect(); Statement statement = db.createStatement();
             ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM information_schema.processlist "
                     + "WHERE db = DATABASE() AND user = SUBSTRING_INDEX(USER(), '@', 1) AND id <> CONNECTION_ID()")) {
            count.next();
            return count.getLong(1);
        }
    }
}
