package com.subscriptions.caching;

import com.subscriptions.IntegrationTest;
import com.subscriptions.TestDatabase;
import com.subscriptions.TestUsers;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;

import static com.subscriptions.ApiClient.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

/** The admin API of v3's caches: statistics that move with v3 reads, tuning at run time, clearing, auditing. */
class AdminCachesIT extends IntegrationTest {

    private static RequestSpecification admin() {
        return api(TestUsers.admin().tokens().access()).contentType("application/json");
    }

    private static JsonPath plansCache() {
        return admin().get("/api/admin/caches/plans").then().statusCode(200).extract().jsonPath();
    }

    @AfterEach
    void restoreTheDefaults() {
        admin().body(Map.of("ttl_seconds", 300, "max_entries", 1000)).put("/api/admin/caches/plans").then()
                .statusCode(200);
    }

    @Test
    void listsEveryCacheWithItsStatistics() {
        admin().get("/api/admin/caches").then().statusCode(200)
                .body("name", containsInAnyOrder("plans", "plan-pages", "live-subscriptions", "history-heads"))
                .body("[0]", hasKey("hit_ratio")).body("[0]", hasKey("average_get_micros"))
                .body("[0]", hasKey("evictions")).body("[0]", hasKey("entries"));
    }

    @Test
    void hitsAndEntriesFollowV3Reads() {
        admin().delete("/api/admin/caches/plans").then().statusCode(204);
        JsonPath before = plansCache();
        assertThat(before.getLong("entries")).isZero();
        api().get("/api/v3/plans/1").then().statusCode(200);
        JsonPath missed = plansCache();
        assertThat(missed.getLong("entries")).isEqualTo(1);
        assertThat(missed.getLong("misses")).isGreaterThan(before.getLong("misses"));
        api().get("/api/v3/plans/1").then().statusCode(200);
        api().get("/api/v1/plans/1").then().statusCode(200);
        JsonPath hit = plansCache();
        // (Payara's @CacheResult interceptor looks an entry up twice, so JCache counts two hits for one read.)
        assertThat(hit.getLong("hits")).as("v3 read again").isGreaterThan(missed.getLong("hits"));
        assertThat(hit.getLong("misses")).isEqualTo(missed.getLong("misses"));
        assertThat(hit.getDouble("hit_ratio")).isBetween(0.0, 1.0);
    }

    /** Counting the entries must not touch them: iterating a JCache counts each entry as a hit. */
    @Test
    void readingTheStatisticsCountsNoHit() {
        api().get("/api/v3/plans/1").then().statusCode(200);
        api().get("/api/v3/plans/2").then().statusCode(200);
        JsonPath before = plansCache();
        assertThat(before.getLong("entries")).isGreaterThanOrEqualTo(2);
        admin().get("/api/admin/caches").then().statusCode(200);
        admin().get("/api/admin/instances").then().statusCode(200);
        JsonPath after = plansCache();
        assertThat(after.getLong("hits")).isEqualTo(before.getLong("hits"));
        assertThat(after.getLong("entries")).isEqualTo(before.getLong("entries"));
    }

    @Test
    void aNewTimeToLiveAppliesToNewEntriesAtOnce() throws Exception {
        admin().body(Map.of("ttl_seconds", 1)).put("/api/admin/caches/plans").then().statusCode(200)
                .body("ttl_seconds", equalTo(1)).body("max_entries", equalTo(1000));
        admin().delete("/api/admin/caches/plans").then().statusCode(204);
        api().get("/api/v3/plans/2").then().statusCode(200);
        long misses = plansCache().getLong("misses");
        Thread.sleep(1500);
        api().get("/api/v3/plans/2").then().statusCode(200);
        assertThat(plansCache().getLong("misses")).as("expired, so read again").isEqualTo(misses + 1);
        assertThat(auditedActions("cache:plans ttl_seconds=1")).isPositive();
        assertThat(auditedActions("cache:plans")).as("cleared").isPositive();
    }

    @Test
    void aSmallerMaximumThanTheEntriesEmptiesTheCacheAndHoldsFromThen() {
        for (int id = 1; id <= 4; id++) {
            api().get("/api/v3/plans/" + id).then().statusCode(200);
        }
        admin().body(Map.of("max_entries", 2)).put("/api/admin/caches/plans").then().statusCode(200)
                .body("max_entries", equalTo(2)).body("entries", equalTo(0));
        for (int id = 1; id <= 4; id++) {
            api().get("/api/v3/plans/" + id).then().statusCode(200);
        }
        assertThat(plansCache().getLong("entries")).isLessThanOrEqualTo(2);
    }

    @Test
    void clearingEmptiesTheCache() {
        api().get("/api/v3/plans/3").then().statusCode(200);
        assertThat(plansCache().getLong("entries")).isPositive();
        admin().delete("/api/admin/caches").then().statusCode(204);
        assertThat(plansCache().getLong("entries")).isZero();
    }

    @Test
    void badSettingsAndUnknownCachesAreRefused() {
        admin().body(Map.of("ttl_seconds", 0)).put("/api/admin/caches/plans").then().statusCode(400)
                .body("errors", hasKey("ttl_seconds"));
        admin().body(Map.of("max_entries", 2_000_000)).put("/api/admin/caches/plans").then().statusCode(400)
                .body("errors", hasKey("max_entries"));
        admin().get("/api/admin/caches/nope").then().statusCode(404);
        assertThat(plansCache().getLong("ttl_seconds")).isEqualTo(300);
    }

    @Test
    void onlyAdminsSeeTheCaches() {
        api(TestUsers.login(TestUsers.register()).access()).get("/api/admin/caches").then().statusCode(403);
        api().get("/api/admin/caches").then().statusCode(401);
    }

    private static long auditedActions(String target) throws Exception {
        try (Connection db = TestDatabase.connect(); PreparedStatement query = db.prepareStatement(
                "SELECT COUNT(*) FROM audit_events WHERE action IN ('cache_tuned', 'cache_cleared') AND target = ?")) {
            query.setString(1, target);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
