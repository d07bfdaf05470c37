package com.subscriptions.subscription;

import com.subscriptions.IntegrationTest;
import com.subscriptions.Race;
import com.subscriptions.TestDatabase;
import com.subscriptions.TestUsers;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.subscriptions.ApiClient.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Idempotency-Key on subscribe, upgrade and cancel (contract §4). */
class IdempotencyIT extends IntegrationTest {

    private TestUsers.Account account;
    private String token;

    @BeforeEach
    void newUser() {
        account = TestUsers.register();
        token = TestUsers.login(account).access();
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

    /**
     * One request runs; the others are told it is in progress (409), or, arriving after it answered, get its answer
     * replayed; every later repeat replays it.
     */
    @Test
    void concurrentRepeatsRunTheRequestOnce() throws Exception {
        String key = UUID.randomUUID().toString();
        List<String> statuses = Race.of(20, () -> {
            Response answer = withKey(key).body(Map.of("plan_id", 2)).post("/api/v1/subscriptions");
            return answer.statusCode() + ("true".equals(answer.header("Idempotent-Replayed")) ? " replayed" : "");
        });
        assertThat(statuses).isSubsetOf("201", "201 replayed", "409").containsOnlyOnce("201");
        withKey(key).body(Map.of("plan_id", 2)).post("/api/v1/subscriptions").then().statusCode(201)
                .header("Idempotent-Replayed", "true");
        api(token).get("/api/v1/subscriptions/history").then().body("total", equalTo(1));
    }

    /**
     * A claim whose holder died (the server killed before it answered) is a lease: held, a repeat is 409; once the
     * lease has run out, a repeat runs the request.
     */
    @Test
    void aClaimLeftByADeadRequestIsTakenOverAfterItsLease() throws Exception {
        String body = "{\"plan_id\":2}";
        String someoneElses = UUID.randomUUID().toString();
        String other = TestUsers.login(TestUsers.register()).access();
        api(other).contentType("application/json").header("Idempotency-Key", someoneElses).body(body)
                .post("/api/v1/subscriptions").then().statusCode(201);
        String held = UUID.randomUUID().toString();
        String abandoned = UUID.randomUUID().toString();
        try (Connection db = TestDatabase.connect();
             PreparedStatement claim = db.prepareStatement("INSERT INTO idempotency_keys (user_id, idem_key, "
                     + "request_hash, claimed_at, created_at, expires_at) SELECT ?, ?, request_hash, "
                     + "UTC_TIMESTAMP(6) - INTERVAL ? SECOND, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6) + INTERVAL 1 DAY "
                     + "FROM idempotency_keys WHERE idem_key = ?")) {
            for (Object[] row : new Object[][]{{held, 5}, {abandoned, 120}}) {
                claim.setLong(1, account.id());
                claim.setString(2, (String) row[0]);
                claim.setInt(3, (Integer) row[1]);
                claim.setString(4, someoneElses);
                assertThat(claim.executeUpdate()).isEqualTo(1);
            }
        }
        withKey(held).body(body).post("/api/v1/subscriptions").then().statusCode(409)
                .contentType("application/problem+json");
        api(token).get("/api/v1/subscriptions/active").then().statusCode(404);
        withKey(abandoned).body(body).post("/api/v1/subscriptions").then().statusCode(201);
        withKey(abandoned).body(body).post("/api/v1/subscriptions").then().statusCode(201)
                .header("Idempotent-Replayed", "true");
    }
}
