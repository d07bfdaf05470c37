package com.subscriptions.profiling;

import com.subscriptions.IntegrationTest;
import com.subscriptions.TestUsers;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.subscriptions.ApiClient.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

/** Statements over the threshold are listed with their time, route and request id. */
class AdminSlowQueriesIT extends IntegrationTest {

    private static RequestSpecification admin() {
        return api(TestUsers.admin().tokens().access()).contentType("application/json");
    }

    @AfterEach
    void restoreTheThreshold() {
        admin().body(Map.of("threshold_ms", 100)).put("/api/admin/slow-queries").then().statusCode(200);
    }

    @Test
    void withAZeroThresholdEveryStatementIsListedWithItsRequest() {
        admin().body(Map.of("threshold_ms", 0)).put("/api/admin/slow-queries").then().statusCode(200)
                .body("threshold_ms", equalTo(0));
        String requestId = api().header("X-Request-Id", "slow-query-probe-1").get("/api/v2/plans/4").then()
                .statusCode(200).extract().header("X-Request-Id");
        JsonPath list = admin().get("/api/admin/slow-queries").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> mine = list.getList("queries.findAll { it.request_id == '" + requestId + "' }");
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0)).containsEntry("route", "GET /api/{version}/plans/{id}").containsEntry("rows", 1)
                .containsKeys("at", "ms", "sql");
        assertThat((String) mine.get(0).get("sql")).contains("subscription_plans");
    }

    @Test
    void aHighThresholdListsNothingNew() {
        admin().body(Map.of("threshold_ms", 600_000)).put("/api/admin/slow-queries").then().statusCode(200);
        api().header("X-Request-Id", "slow-query-probe-2").get("/api/v2/plans/4").then().statusCode(200);
        assertThat(admin().get("/api/admin/slow-queries").then().extract().jsonPath()
                .getList("queries.findAll { it.request_id == 'slow-query-probe-2' }")).isEmpty();
    }

    @Test
    void aNegativeThresholdIs400() {
        admin().body(Map.of("threshold_ms", -1)).put("/api/admin/slow-queries").then().statusCode(400)
                .body("errors", hasKey("threshold_ms"));
    }
}
