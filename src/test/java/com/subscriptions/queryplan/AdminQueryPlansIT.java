package com.subscriptions.queryplan;

import com.subscriptions.IntegrationTest;
import com.subscriptions.TestUsers;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static com.subscriptions.ApiClient.api;
import static org.assertj.core.api.Assertions.assertThat;

/** Every version's named read queries, run on the live database and explained, changing nothing. */
class AdminQueryPlansIT extends IntegrationTest {

    @Test
    void eachVersionsReadsComeWithTheirStatementsAndPlans() {
        Subscriber subscriber = subscriber();
        List<Map<String, Object>> reads = api(TestUsers.admin().tokens().access()).queryParam("user_id", subscriber.id())
                .get("/api/admin/query-plans").then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(reads).extracting(r -> r.get("version")).containsOnly("v1", "v2", "v3");
        assertThat(reads).hasSize(3 * 8);
        for (Map<String, Object> read : reads) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> statements = (List<Map<String, Object>>) read.get("statements");
            assertThat(statements).as(read.get("version") + " " + read.get("name")).isNotEmpty()
                    .allSatisfy(statement -> assertThat((List<?>) statement.get("plan")).isNotEmpty());
        }
    }

    /**
     * A GET changes no state: v3's statements are explained as on cache misses, and its caches keep their entries
     * and statistics (explaining used to clear them all, then fill them again for the user explained).
     */
    @Test
    void explainingLeavesV3sCachesAsTheyAre() {
        Subscriber explained = subscriber();
        Subscriber other = subscriber();
        // Only entries made now, far from their time to live, so that none expires while the test runs.
        api(TestUsers.admin().tokens().access()).delete("/api/admin/caches").then().statusCode(204);
        for (Subscriber subscriber : List.of(explained, other)) {
            api(subscriber.token()).get("/api/v3/subscriptions/active").then().statusCode(200);
            api(subscriber.token()).get("/api/v3/subscriptions/history").then().statusCode(200);
        }
        api().get("/api/v3/plans/1").then().statusCode(200);
        api().get("/api/v3/plans").then().statusCode(200);

        // Reading the statistics (here and in each instance's report, every 5 s) touches no entry: no hit is counted.
        Map<String, Map<String, Object>> before = caches();
        api(TestUsers.admin().tokens().access()).queryParam("user_id", explained.id())
                .get("/api/admin/query-plans").then().statusCode(200);
        Map<String, Map<String, Object>> after = caches();

        assertThat(after.keySet()).containsExactlyInAnyOrder("plans", "plan-pages", "live-subscriptions",
                "history-heads");
        for (String cache : after.keySet()) {
            assertThat(before.get(cache).get("entries")).as(cache + " warmed").isNotEqualTo(0);
            for (String statistic : List.of("entries", "hits", "misses", "puts", "removals", "evictions")) {
                assertThat(after.get(cache).get(statistic)).as(cache + " " + statistic)
                        .isEqualTo(before.get(cache).get(statistic));
            }
        }
    }

    @Test
    void onlyAdminsExplain() {
        api(TestUsers.login(TestUsers.register()).access()).get("/api/admin/query-plans").then().statusCode(403);
    }

    private record Subscriber(long id, String token) {
    }

    private static Subscriber subscriber() {
        TestUsers.Account account = TestUsers.register();
        String token = TestUsers.login(account).access();
        api(token).contentType("application/json").body(Map.of("plan_id", 2)).post("/api/v1/subscriptions").then()
                .statusCode(201);
        return new Subscriber(account.id(), token);
    }

    /** Every cache's statistics by its name. */
    private static Map<String, Map<String, Object>> caches() {
        List<Map<String, Object>> all = api(TestUsers.admin().tokens().access()).get("/api/admin/caches").then()
                .statusCode(200).extract().jsonPath().getList("$");
        return all.stream().collect(Collectors.toMap(c -> (String) c.get("name"), Function.identity()));
    }
}
