package com.subscriptions.admin;

import com.subscriptions.IntegrationTest;
import com.subscriptions.TestUsers;
import org.junit.jupiter.api.Test;

import static com.subscriptions.ApiClient.api;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code /metrics} in Prometheus text: per-route requests and statements, caches, pool, lifecycle job. */
class MetricsIT extends IntegrationTest {

    private static String metrics() {
        return api().accept("text/plain").get("/metrics").then().statusCode(200).extract().asString();
    }

    /**
     * The value of the sample of {@code metric} whose labels contain {@code label}; 0 when there is none yet.
     * (MicroProfile Metrics 5 names application metrics without a scope prefix and labels them mp_scope.)
     */
    private static double value(String metrics, String metric, String label) {
        return metrics.lines().filter(line -> line.startsWith(metric + "{") && line.contains(label)
                        && line.contains("mp_scope=\"application\""))
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(0.0);
    }

    @Test
    void countsRequestsAndTheirStatementsPerRoute() {
        String route = "route=\"GET /api/{version}/plans/{id}\"";
        double before = value(metrics(), "api_requests_count", route);
        api().get("/api/v2/plans/1").then().statusCode(200);
        api().get("/api/v2/plans/2").then().statusCode(200);
        String after = metrics();
        assertThat(value(after, "api_requests_count", route)).isEqualTo(before + 2);
        assertThat(value(after, "api_requests_sum", route)).as("seconds").isPositive();
        assertThat(value(after, "api_sql_statements_per_request_count", route)).isPositive();
    }

    @Test
    void showsCachesPoolAndTheLifecycleJob() {
        api().get("/api/v3/plans/1").then().statusCode(200);
        api().get("/api/v3/plans/1").then().statusCode(200);
        api(TestUsers.admin().tokens().access()).post("/api/admin/lifecycle/run").then().statusCode(200);
        String metrics = metrics();
        assertThat(metrics).contains("\ncache_misses{").contains("\ncache_evictions{")
                .contains("\npool_connections_in_use{").contains("\npool_waiting_requests{")
                .contains("\nlifecycle_transitions_total{");
        assertThat(value(metrics, "cache_hits", "cache=\"plans\"")).isPositive();
        assertThat(value(metrics, "lifecycle_runs_total", "")).isPositive();
    }

    /** A fuzzer's made-up methods and paths must not grow /metrics: they all count as one "unmatched" route. */
    @Test
    void madeUpMethodsAndPathsAddNoSeries() {
        String marker = "ZZ" + Long.toString(System.nanoTime(), 36).toUpperCase();
        for (int i = 0; i < 5; i++) {
            api().request(marker + i, "/api/ping").then().statusCode(org.hamcrest.Matchers.greaterThanOrEqualTo(400));
            api().get("/api/" + marker.toLowerCase() + i).then().statusCode(404);
        }
        String metrics = metrics();
        assertThat(metrics).doesNotContain(marker).doesNotContain(marker.toLowerCase());
        assertThat(value(metrics, "api_requests_count", "route=\"unmatched\"")).isGreaterThanOrEqualTo(5);
    }
}
