package com.subscriptions.subscription;

import com.subscriptions.IntegrationTest;
import com.subscriptions.TestUsers;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static com.subscriptions.ApiClient.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Idempotency-Key on subscribe, upgrade and cancel (contract §4). */
class IdempotencyIT extends IntegrationTest {

    private String token;

    @BeforeEach
    void newUser() {
        token = TestUsers.login(TestUsers.register()).access();
    }

    private RequestSpecification withKey(String key) {
        return api(token).contentType("application/json").header("Idempotency-Key", key);
    }

    @Test
    void aRepeatedSubscribeReplaysTheFirstAnswerAndCreatesNothing() {
        String key = UUID.randomUUID().toString();
        Response first = withKey(key).body(Map.of("plan_id", 2)).post("/api/v1/subscriptions");
        first.then().statusCode(201);
        Response repeat = withKey(key).body(Map.of("plan_id", 2)).post("/api/v1/subscriptions");
        repeat.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertThat(repeat.asString()).isEqualTo(first.asString());
        api(token).get("/api/v1/subscriptions/history").then().body("total", equalTo(1));
    }

    @Test
    void theSameKeyWithAnotherRequestIs422() {
        String key = UUID.randomUUID().toString();
        withKey(key).body(Map.of("plan_id", 2)).post("/api/v1/subscriptions").then().statusCode(201);
        withKey(key).body(Map.of("plan_id", 3)).post("/api/v1/subscriptions").then().statusCode(422)
                .contentType("application/problem+json");
    }

    @Test
    void errorsAreReplayedTooAndKeysBelongToTheirUser() {
        String key = UUID.randomUUID().toString();
        withKey(key).body(Map.of()).post("/api/v1/subscriptions/cancel").then().statusCode(404);
        api(token).contentType("application/json").body(Map.of("plan_id", 2)).post("/api/v1/subscriptions")
                .then().statusCode(201);
        // Same key, same request: the first answer (404), although a subscription exists now.
        withKey(key).body(Map.of()).post("/api/v1/subscriptions/cancel").then().statusCode(404);
        // Another user's identical key is theirs alone.
        String other = TestUsers.login(TestUsers.register()).access();
        api(other).contentType("application/json").header("Idempotency-Key", key).body(Map.of("plan_id", 1))
                .post("/api/v1/subscriptions").then().statusCode(201);
    }

    @Test
    void aRepeatedUpgradeIsNotAppliedTwice() {
        api(token).contentType("application/json").body(Map.of("plan_id", 2)).post("/api/v1/subscriptions")
                .then().statusCode(201);
        String key = UUID.randomUUID().toString();
        withKey(key).body(Map.of("plan_id", 3)).post("/api/v1/subscriptions/upgrade").then().statusCode(200);
        withKey(key).body(Map.of("plan_id", 3)).post("/api/v1/subscriptions/upgrade").then().statusCode(200)
                .body("plan_id", equalTo(3));
        api(token).get("/api/v1/subscriptions/events").then().body("total", equalTo(2));
    }

    @Test
    void anOverlongKeyIs400() {
        withKey("k".repeat(101)).body(Map.of("plan_id", 2)).post("/api/v1/subscriptions").then().statusCode(400);
        api(token).get("/api/v1/subscriptions/active").then().statusCode(404);
    }
}
