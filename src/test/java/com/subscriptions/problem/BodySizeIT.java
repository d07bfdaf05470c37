package com.subscriptions.problem;

import com.subscriptions.ApiClient;
import com.subscriptions.IntegrationTest;
import com.subscriptions.TestUsers;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static com.subscriptions.ApiClient.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/** Request bodies are bounded (64 KiB): over it, 413 problem+json, nothing read further and nothing changed. */
class BodySizeIT extends IntegrationTest {

    /** A JSON object of about 100 KiB: a register request with a huge unknown member. */
    private static final String HUGE = "{\"username\":\"u" + UUID.randomUUID().toString().substring(0, 8)
            + "\",\"email\":\"x@example.com\",\"password\":\"Quartz-Lantern-Meadow-71\",\"padding\":\""
            + "x".repeat(100 * 1024) + "\"}";

    @Test
    void aDeclaredLengthOverTheLimitIs413() {
        api().contentType("application/json").body(HUGE).post("/api/v1/auth/register").then().statusCode(413)
                .contentType(containsString("application/problem+json"));
    }

    @Test
    void aChunkedBodyOverTheLimitIs413() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(ApiClient.BASE_URI + "/api/v1/auth/register"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(HUGE.getBytes(StandardCharsets.UTF_8))))
                .build();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).contains("application/problem+json"));
    }

    @Test
    void anOversizedIdempotentRequestClaimsNoKey() {
        String token = TestUsers.login(TestUsers.register()).access();
        String key = UUID.randomUUID().toString();
        api(token).contentType("application/json").header("Idempotency-Key", key)
                .body("{\"plan_id\":2,\"padding\":\"" + "x".repeat(100 * 1024) + "\"}")
                .post("/api/v1/subscriptions").then().statusCode(413);
        api(token).contentType("application/json").header("Idempotency-Key", key).body(Map.of("plan_id", 2))
                .post("/api/v1/subscriptions").then().statusCode(201);
    }
}
