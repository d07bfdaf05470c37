package com.subscriptions.admin;

import com.subscriptions.IntegrationTest;
import com.subscriptions.MailServer;
import com.subscriptions.ScrapedMetrics;
import com.subscriptions.TestUsers;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static com.subscriptions.ApiClient.api;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code /metrics} in Prometheus text: per-route requests and statements, caches, pool, lifecycle job, JVM. */
class MetricsIT extends IntegrationTest {

    private static String metrics() {
        return ScrapedMetrics.scrape();
    }

    private static double value(String metrics, String metric, String label) {
        return ScrapedMetrics.value(metrics, metric, label);
    }

    /** The application's Micrometer registry answers, not the server's own metrics (see server-config/). */
    @Test
    void answersFromTheApplicationsRegistry() {
        ExtractableResponse<Response> text = api().accept("text/plain").get("/metrics").then().statusCode(200)
                .extract();
        assertThat(text.contentType()).startsWith("text/plain").contains("version=0.0.4");
        assertThat(text.asString()).contains("\njvm_memory_used_bytes{area=\"heap\"")
                .contains("\nprocess_uptime_seconds ").doesNotContain("mp_scope");
        ExtractableResponse<Response> openMetrics = api().accept("application/openmetrics-text; version=1.0.0")
                .get("/metrics").then().statusCode(200).extract();
        assertThat(openMetrics.contentType()).startsWith("application/openmetrics-text");
        assertThat(openMetrics.asString()).endsWith("# EOF\n");
    }

    @Test
    void countsRequestsAndTheirStatementsPerRoute() {
        String route = "route=\"GET /api/{version}/plans/{id}\"";
        double before = value(metrics(), "api_requests_seconds_count", route);
        api().get("/api/v2/plans/1").then().statusCode(200);
        api().get("/api/v2/plans/2").then().statusCode(200);
        String after = metrics();
        assertThat(value(after, "api_requests_seconds_count", route)).isEqualTo(before + 2);
        assertThat(value(after, "api_requests_seconds_sum", route)).as("seconds").isPositive();
        assertThat(value(after, "api_sql_statements_per_request_count", route)).isPositive();
    }

    @Test
    void showsCachesPoolAndTheLifecycleJob() {
        api().get("/api/v3/plans/1").then().statusCode(200);
        api().get("/api/v3/plans/1").then().statusCode(200);
        api(TestUsers.admin().tokens().access()).post("/api/admin/lifecycle/run").then().statusCode(200);
        String metrics = metrics();
        assertThat(metrics).contains("\ncache_misses_total{").contains("\ncache_evictions_total{")
                .contains("\npool_connections_in_use ").contains("\npool_waiting_requests ")
                .contains("\nlifecycle_transitions_total ");
        assertThat(value(metrics, "cache_hits_total", "cache=\"plans\"")).isPositive();
        assertThat(value(metrics, "lifecycle_runs_total", "")).isPositive();
    }

    @Test
    void countsSentMailsAndShowsBothOutboxes() throws Exception {
        TestUsers.Account account = TestUsers.register();
        MailServer.await(account.email(), "Confirm", java.time.Duration.ofSeconds(15));
        long deadline = System.nanoTime() + 5_000_000_000L;
        // Counted when the sending is recorded, a moment after the SMTP server took the mail.
        while (value(metrics(), "mail_messages_total", "result=\"sent\"") == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        String metrics = metrics();
        assertThat(value(metrics, "mail_messages_total", "result=\"sent\"")).isPositive();
        assertThat(metrics).contains("\nmail_outbox_due ").contains("\nmail_outbox_pending ")
                .contains("\nmail_outbox_failed ").contains("\nmail_outbox_lag_seconds ")
                .contains("\noutbox_due ").contains("\noutbox_lag_seconds ");
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
        assertThat(value(metrics, "api_requests_seconds_count", "route=\"unmatched\"")).isGreaterThanOrEqualTo(5);
    }
}
