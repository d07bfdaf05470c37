package com.subscriptions.platform;

import com.subscriptions.ApiClient;
import com.subscriptions.ForeignRevocations;
import com.subscriptions.IntegrationTest;
import com.subscriptions.TestUsers;
import com.subscriptions.webhook.Receiver;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.subscriptions.ApiClient.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A database that stops answering (its process frozen with SIGSTOP, as a stalled disk or a network partition
 * would): requests answer 503 problem+json with Retry-After within the pool's bounds instead of hanging,
 * readiness goes DOWN, and everything recovers once the database answers again, the background jobs included.
 */
class DatabaseOutageIT extends IntegrationTest {

    /** The sample catalogue's Basic plan. */
    private static final long BASIC_PLAN = 2;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aFrozenDatabaseAnswers503FastAndRecovers() throws Exception {
        Optional<ProcessHandle> database = testDatabaseProcess();
        assumeTrue(database.isPresent(), "the test database is the build's embedded MariaDB on this machine");
        assertThat(get(ApiClient.BASE_URI + "/api/v1/plans/1").statusCode()).isEqualTo(200);
        signal("STOP", database.get());
        try {
            for (int plan = 1; plan <= 4; plan++) {
                HttpResponse<String> answer = get(ApiClient.BASE_URI + "/api/v1/plans/" + plan);
                assertThat(answer.statusCode()).isEqualTo(503);
                assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).contains("application/problem+json"));
                assertThat(answer.headers().firstValue("Retry-After")).isPresent();
            }
            assertThat(get(ApiClient.HEALTH_URI + "/ready").statusCode()).isEqualTo(503);
        } finally {
            signal("CONT", database.get());
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int status = 0;
        while (status != 200 && System.nanoTime() < deadline) {
            Thread.sleep(500);
            status = get(ApiClient.BASE_URI + "/api/v1/plans/1").statusCode();
        }
        assertThat(status).as("answers again after the outage").isEqualTo(200);
        assertThat(get(ApiClient.HEALTH_URI + "/ready").statusCode()).isEqualTo(200);
        // The background jobs outlived the outage: another instance's revocation is still picked up, and a webhook
        // delivery is retried.
        TestUsers.Account account = TestUsers.register();
        String token = TestUsers.login(account).access();
        ForeignRevocations.revoke(account, token);
        assertThat(ForeignRevocations.statusOnceRefused(token)).isEqualTo(401);
        assertThat(retriedDeliveries()).as("a webhook retry, which only the dispatcher's schedule sends").hasSize(2);
    }

    /** A subscription's event to a receiver that fails the first attempt: its retry falls due a second later. */
    private static List<Receiver.Received> retriedDeliveries() throws Exception {
        String admin = TestUsers.admin().tokens().access();
        try (Receiver receiver = new Receiver().answering(500)) {
            long endpoint = api(admin).contentType("application/json").body(Map.of("url", receiver.url(),
                            "description", "outage test", "event_types", List.of("subscription.created")))
                    .post("/api/admin/webhooks").then().statusCode(201).extract().jsonPath().getLong("id");
            try {
                TestUsers.Account subscriber = TestUsers.register();
                api(TestUsers.login(subscriber).access()).contentType("application/json")
                        .body(Map.of("plan_id", BASIC_PLAN)).post("/api/v1/subscriptions").then()
                        .statusCode(201);
                List<Receiver.Received> attempts = receiver.await(
                        r -> r.body().contains("\"user_id\":" + subscriber.id()), 2, Duration.ofSeconds(15));
                // Deleted once the retry is recorded: a delete while its lane records it answers 409 (changed).
                awaitRecordedDelivered(admin, attempts);
                return attempts;
            } finally {
                api(admin).delete("/api/admin/webhooks/" + endpoint).then().statusCode(204);
            }
        }
    }

    private static void awaitRecordedDelivered(String admin, List<Receiver.Received> attempts)
            throws InterruptedException {
        if (attempts.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!"delivered".equals(api(admin).queryParam("message_id", attempts.get(0).messageId())
                .get("/api/admin/webhooks/deliveries").jsonPath().getString("deliveries[0].status"))
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
    }

    /**
     * A request that must be answered within 15 s (a connection's 5 s socket timeout, twice, and some): a hang fails
     * the test instead of stalling the build.
     */
    private static HttpResponse<String> get(String uri) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(uri))
                .header("X-Forwarded-For", "10.99.0.1").timeout(Duration.ofSeconds(15)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Optional<ProcessHandle> testDatabaseProcess() {
        String port = "--port=" + System.getenv().getOrDefault("DB_PORT", "3308");
        return ProcessHandle.allProcesses().filter(process -> process.info().commandLine()
                .filter(line -> line.contains("mariadbd") && line.contains(port)).isPresent()).findFirst();
    }

    private static void signal(String signal, ProcessHandle process) throws Exception {
        int exit = new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).inheritIO().start()
                .waitFor();
        assertThat(exit).as("kill -" + signal).isZero();
    }
}
