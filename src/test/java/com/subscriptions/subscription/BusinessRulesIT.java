package com.subscriptions.subscription;

import com.subscriptions.IntegrationTest;
import com.subscriptions.TestCatalog;
import com.subscriptions.TestUsers;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static com.subscriptions.ApiClient.api;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;

/**
 * The rules a user cannot talk their way around: hidden plans are not offered, a plan's seats and trial are the
 * plan's, a trial is had once per plan, and a body's booleans and numbers mean exactly what they say.
 */
class BusinessRulesIT extends IntegrationTest {

    private static final long BASIC = 2; // max_users 3
    private static final long PRO = 3;   // max_users 10

    private String token;

    @BeforeEach
    void newUser() {
        token = TestUsers.login(TestUsers.register()).access();
    }

    private RequestSpecification as() {
        return api(token).contentType("application/json");
    }

    @Test
    void aHiddenPlanIsNotFoundForUsersButAnAdminMayGrantIt() {
        long hidden = TestCatalog.hiddenPlan();
        as().body(Map.of("plan_id", hidden)).post("/api/v1/subscriptions").then().statusCode(404)
                .contentType("application/problem+json");
        as().get("/api/v1/subscriptions/active").then().statusCode(404);
        as().body(Map.of("plan_id", BASIC)).post("/api/v1/subscriptions").then().statusCode(201);
        as().body(Map.of("plan_id", hidden)).post("/api/v1/subscriptions/upgrade").then().statusCode(404);
        as().get("/api/v1/subscriptions/active").then().statusCode(200).body("plan_id", equalTo((int) BASIC));

        long other = TestUsers.register().id();
        api(TestUsers.admin().tokens().access()).contentType("application/json")
                .body(Map.of("user_id", other, "plan_id", hidden)).post("/api/v1/subscriptions/indefinite")
                .then().statusCode(201).body("plan_id", equalTo((int) hidden));
    }

    @Test
    void noMoreSeatsThanThePlanHas() {
        as().body(Map.of("plan_id", BASIC, "quantity", 4)).post("/api/v1/subscriptions").then().statusCode(400)
                .body("errors", hasKey("quantity"));
        as().get("/api/v1/subscriptions/active").then().statusCode(404);
        as().body(Map.of("plan_id", PRO, "quantity", 5)).post("/api/v1/subscriptions").then().statusCode(201);
        as().body(Map.of("plan_id", BASIC)).post("/api/v1/subscriptions/upgrade").then().statusCode(400)
                .body("errors", hasKey("plan_id"));
        as().get("/api/v1/subscriptions/active").then().statusCode(200).body("plan_id", equalTo((int) PRO));
    }

    @Test
    void theTrialIsThePlansAndIsHadOncePerPlan() {
        long plan = TestCatalog.trialPlan();
        as().body(Map.of("plan_id", plan, "trial_days", TestCatalog.TRIAL_DAYS + 1)).post("/api/v1/subscriptions")
                .then().statusCode(400).body("errors", hasKey("trial_days"));
        as().body(Map.of("plan_id", BASIC, "trial_days", 7)).post("/api/v1/subscriptions").then().statusCode(400)
                .body("errors", hasKey("trial_days"));

        as().body(Map.of("plan_id", plan)).post("/api/v1/subscriptions").then().statusCode(201)
                .body("status", equalTo("trial"));
        as().body(Map.of("at_period_end", false)).post("/api/v1/subscriptions/cancel").then().statusCode(200);
        as().body(Map.of("plan_id", plan)).post("/api/v1/subscriptions").then().statusCode(201)
                .body("status", equalTo("active")).body("trial_end_date", nullValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\" 1 \"", "\"yes\"", "\"false\"", "0", "[false]"})
    void cancelReadsOnlyARealBoolean(String atPeriodEnd) {
        as().body(Map.of("plan_id", BASIC)).post("/api/v1/subscriptions").then().statusCode(201);
        as().body("{\"at_period_end\": " + atPeriodEnd + "}").post("/api/v1/subscriptions/cancel").then()
                .statusCode(400).contentType("application/problem+json").body("errors", hasKey("at_period_end"));
        as().get("/api/v1/subscriptions/active").then().statusCode(200)
                .body("status", equalTo("active")).body("cancel_at_period_end", equalTo(false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"plan_id\": 18446744073709551618}", "{\"plan_id\": [1, 2]}", "{\"plan_id\": \"2\"}",
            "{\"plan_id\": 2, \"quantity\": 4294967297}", "{\"plan_id\": 2, \"trial_days\": 4294967303}",
            "{\"plan_id\": 2, \"quantity\": 1.5}", "{\"plan_id\": 2, \"auto_renew\": \"no\"}"})
    void subscribeRefusesNumbersAndBooleansThatAreNotExactly(String body) {
        as().body(body).post("/api/v1/subscriptions").then().statusCode(400)
                .contentType("application/problem+json").body("errors.size()", equalTo(1));
        as().get("/api/v1/subscriptions/active").then().statusCode(404);
    }
}
