package com.subscriptions.contract;

import com.subscriptions.IntegrationTest;
import com.subscriptions.TestUsers;
import com.subscriptions.bench.FullScans;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static com.subscriptions.ApiClient.api;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hot read queries of every version, as the server ran them, explained by the database with the same
 * parameters ({@code ?_debug=explain}): none scans a whole table that grows with the users.
 */
class QueryPlansIT extends IntegrationTest {

    private static String user;
    private static String admin;

    @BeforeAll
    static void aSubscriber() {
        // Profiling answers admins only: the user whose reads are profiled has the role.
        user = TestUsers.login(TestUsers.registerAdmin()).access();
        admin = TestUsers.admin().tokens().access();
        api(user).contentType("application/json").body(Map.of("plan_id", 2)).post("/api/v1/subscriptions").then()
                .statusCode(201);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "v1, /subscriptions/active", "v2, /subscriptions/active", "v3, /subscriptions/active",
            "v1, /subscriptions/history", "v2, /subscriptions/history", "v3, /subscriptions/history",
            "v1, /subscriptions/history?cursor=", "v2, /subscriptions/history?cursor=",
            "v3, /subscriptions/history?cursor=",
            "v1, /subscriptions/events", "v2, /subscriptions/events", "v3, /subscriptions/events",
            "v1, /subscriptions/expiring", "v2, /subscriptions/expiring", "v3, /subscriptions/expiring",
            "v1, /subscriptions/stats", "v2, /subscriptions/stats", "v3, /subscriptions/stats"})
    void noHotQueryScansAGrowingTable(String version, String route) {
        String token = route.contains("expiring") || route.contains("stats") ? admin : user;
        api(admin).delete("/api/admin/caches").then().statusCode(204);
        List<Map<String, Object>> statements = api(token)
                .get("/api/" + version + route + (route.contains("?") ? "&" : "?") + "_debug=explain")
                .then().statusCode(200).extract().jsonPath().getList("_debug.statements");
        assertThat(statements).isNotEmpty();
        for (Map<String, Object> statement : statements) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> plan = (List<Map<String, Object>>) statement.get("plan");
            assertThat(plan).as(String.valueOf(statement.get("sql"))).isNotEmpty();
            for (Map<String, Object> step : plan) {
                String table = String.valueOf(step.get("table"));
                assertThat(step).doesNotContainKey("error");
                assertThat(FullScans.ofAGrowingTable(table, String.valueOf(step.get("type"))))
                        .as("full scan in " + statement.get("sql") + " → " + step).isFalse();
            }
        }
    }
}
