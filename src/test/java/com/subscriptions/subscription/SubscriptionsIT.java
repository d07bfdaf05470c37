package com.subscriptions.subscription;

import com.subscriptions.IntegrationTest;
import com.subscriptions.TestCatalog;
import com.subscriptions.TestDatabase;
import com.subscriptions.TestUsers;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.subscriptions.ApiClient.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * The original service's subscription scenarios, and what this service adds (contract §4), in every API version:
 * the versions differ only in how they read, so the same scenarios hold in each.
 */
@ParameterizedClass
@ValueSource(strings = {"v1", "v2", "v3"})
class SubscriptionsIT extends IntegrationTest {

    @Parameter
    String version;

    private static final long FREE = 1;
    private static final long BASIC = 2;
    private static final long PRO = 3;

    private String token;

    @BeforeEach
    void newUser() {
        token = TestUsers.login(TestUsers.register()).access();
    }

    private RequestSpecification as() {
        return api(token).contentType("application/json");
    }

    private JsonPath subscribe(long planId) {
        return as().body(Map.of("plan_id", planId)).post("/api/" + version + "/subscriptions").then().statusCode(201)
                .extract().jsonPath();
    }

    @Test
    void subscribeAnswersTheSubscriptionWithItsPlan() {
        as().body(Map.of("plan_id", BASIC, "quantity", 2)).post("/api/" + version + "/subscriptions").then().statusCode(201)
                .body("plan_id", equalTo((int) BASIC))
                .body("status", equalTo("active"))
                .body("payment_status", equalTo("paid"))
                .body("quantity", equalTo(2))
                .body("auto_renew", equalTo(true))
                .body("cancel_at_period_end", equalTo(false))
                .body("pending_plan_id", nullValue())
                .body("current_period_end", notNullValue())
                .body("plan.name", equalTo("Basic Plan"))
                .body("plan.price", equalTo(9.99f));
    }

    @Test
    void theOriginalSubscribeRouteStillWorks() {
        as().body(Map.of("plan_id", FREE)).post("/api/" + version + "/subscriptions/subscribe").then().statusCode(201)
                .body("plan_id", equalTo((int) FREE));
    }

    @Test
    void aSecondLiveSubscriptionIs409() {
        subscribe(BASIC);
        as().body(Map.of("plan_id", PRO)).post("/api/" + version + "/subscriptions").then().statusCode(409)
                .body("detail", equalTo("User already has an active subscription"));
    }

    @Test
    void unknownPlanIs404AndInactivePlanIs400() throws Exception {
        as().body(Map.of("plan_id", 987654)).post("/api/" + version + "/subscriptions").then().statusCode(404);
        long inactive = insertPlan("inactive");
        as().body(Map.of("plan_id", inactive)).post("/api/" + version + "/subscriptions").then().statusCode(400)
                .body("detail", equalTo("Cannot subscribe to inactive plan"));
        as().get("/api/" + version + "/subscriptions/active").then().statusCode(404);
    }

    @Test
    void aTrialStartsAsTrialAndEndsAtItsTrialEndDate() {
        as().body(Map.of("plan_id", TestCatalog.trialPlan(), "trial_days", 14)).post("/api/" + version + "/subscriptions").then().statusCode(201)
                .body("status", equalTo("trial"))
                .body("payment_status", equalTo("pending"))
                .body("trial_end_date", notNullValue());
        JsonPath active = as().get("/api/" + version + "/subscriptions/active").then().statusCode(200).extract().jsonPath();
        assertThat(active.getString("current_period_end")).isEqualTo(active.getString("trial_end_date"));
    }

    @Test
    void activeAnswersTheLiveSubscriptionWithItsPlanOr404() {
        as().get("/api/" + version + "/subscriptions/active").then().statusCode(404)
                .body("detail", equalTo("No active subscription found"));
        long id = subscribe(PRO).getLong("id");
        as().get("/api/" + version + "/subscriptions/active").then().statusCode(200)
                .body("id", equalTo((int) id))
                .body("plan.id", equalTo((int) PRO))
                .body("plan.price", equalTo(29.99f));
    }

    @Test
    void anImmediateUpgradeIsProratedAndRecorded() {
        subscribe(BASIC);
        as().body(Map.of("plan_id", PRO)).post("/api/" + version + "/subscriptions/upgrade").then().statusCode(200)
                .body("plan_id", equalTo((int) PRO))
                .body("plan.name", equalTo("Pro Plan"))
                .body("proration.currency", equalTo("USD"))
                .body("proration", hasKey("credit"))
                .body("proration", hasKey("charge"))
                .body("proration", hasKey("net"));
        String raw = as().get("/api/" + version + "/subscriptions/events").then().extract().asString();
        assertThat(raw).containsPattern("\"proration\":\\{\"credit\":[0-9.]+,\"charge\":[0-9.]+,\"net\":-?[0-9.]+,\"currency\":\"USD\"}");
        // Minutes into a month-long period: almost all of it is unused.
        JsonPath events = as().get("/api/" + version + "/subscriptions/events").then().statusCode(200).extract().jsonPath();
        assertThat(events.getList("events.type")).containsExactly("plan_changed", "subscribed");
        assertThat(events.getFloat("events[0].proration.net")).isBetween(19.0f, 20.01f);
        assertThat(events.getInt("events[0].from_plan_id")).isEqualTo((int) BASIC);
        assertThat(events.getInt("events[0].to_plan_id")).isEqualTo((int) PRO);
    }

    @Test
    void aDowngradeWithoutProrationHasNone() {
        subscribe(PRO);
        as().body(Map.of("plan_id", BASIC, "prorate", false)).post("/api/" + version + "/subscriptions/upgrade").then()
                .statusCode(200).body("plan_id", equalTo((int) BASIC)).body("proration", nullValue());
    }

    @Test
    void aChangeAtPeriodEndWaitsAsPending() {
        subscribe(BASIC);
        as().body(Map.of("plan_id", PRO, "at_period_end", true)).post("/api/" + version + "/subscriptions/upgrade").then()
                .statusCode(200).body("plan_id", equalTo((int) BASIC)).body("pending_plan_id", equalTo((int) PRO));
    }

    @Test
    void samePlanIs400AndNoSubscriptionIs404() {
        as().body(Map.of("plan_id", PRO)).post("/api/" + version + "/subscriptions/upgrade").then().statusCode(404)
                .body("detail", equalTo("No active subscription found"));
        subscribe(PRO);
        as().body(Map.of("plan_id", PRO)).post("/api/" + version + "/subscriptions/upgrade").then().statusCode(400)
                .body("detail", equalTo("Already subscribed to this plan"));
        as().body(Map.of("plan_id", 987654)).post("/api/" + version + "/subscriptions/upgrade").then().statusCode(404);
    }

    @Test
    void cancelAtPeriodEndKeepsItActiveAndReactivateUndoesIt() {
        subscribe(BASIC);
        as().body(Map.of()).post("/api/" + version + "/subscriptions/cancel").then().statusCode(200)
                .body("status", equalTo("active"))
                .body("cancel_at_period_end", equalTo(true))
                .body("auto_renew", equalTo(false))
                .body("canceled_at", notNullValue());
        as().post("/api/" + version + "/subscriptions/reactivate").then().statusCode(200)
                .body("cancel_at_period_end", equalTo(false))
                .body("auto_renew", equalTo(true))
                .body("canceled_at", nullValue());
        as().post("/api/" + version + "/subscriptions/reactivate").then().statusCode(404);
    }

    @Test
    void cancelNowEndsItAndFreesTheUserToSubscribeAgain() {
        as().body(Map.of()).post("/api/" + version + "/subscriptions/cancel").then().statusCode(404);
        subscribe(BASIC);
        as().body(Map.of("at_period_end", false)).post("/api/" + version + "/subscriptions/cancel").then().statusCode(200)
                .body("status", equalTo("canceled")).body("end_date", notNullValue());
        as().get("/api/" + version + "/subscriptions/active").then().statusCode(404);
        subscribe(PRO);
    }

    @Test
    void historyIsNewestFirstFilteredAndPaged() {
        for (long plan : new long[]{FREE, BASIC, PRO}) {
            subscribe(plan);
            as().body(Map.of("at_period_end", false)).post("/api/" + version + "/subscriptions/cancel").then().statusCode(200);
        }
        subscribe(BASIC);

        JsonPath all = as().get("/api/" + version + "/subscriptions/history").then().statusCode(200).extract().jsonPath();
        assertThat(all.getList("subscriptions.plan_id", Integer.class)).containsExactly(2, 3, 2, 1);
        assertThat(all.getInt("total")).isEqualTo(4);
        assertThat(all.getString("subscriptions[0].plan.name")).isEqualTo("Basic Plan");

        as().queryParam("status", "canceled").get("/api/" + version + "/subscriptions/history").then().statusCode(200)
                .body("total", equalTo(3));
        as().queryParam("status", "active,canceled").queryParam("per_page", 3).queryParam("page", 2)
                .get("/api/" + version + "/subscriptions/user").then().statusCode(200)
                .body("subscriptions.size()", equalTo(1)).body("pages", equalTo(2));
        as().queryParam("from_date", "2000-01-01").queryParam("to_date", "2000-12-31")
                .get("/api/" + version + "/subscriptions/history").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void badInputIs400NamingTheFieldAndWritesNothing() throws Exception {
        as().body(Map.of("quantity", 1)).post("/api/" + version + "/subscriptions").then().statusCode(400)
                .body("errors", hasKey("plan_id"));
        as().body(Map.of("plan_id", BASIC, "quantity", 0)).post("/api/" + version + "/subscriptions").then().statusCode(400)
                .body("errors", hasKey("quantity"));
        as().body(Map.of("plan_id", BASIC, "trial_days", -1)).post("/api/" + version + "/subscriptions").then().statusCode(400)
                .body("errors", hasKey("trial_days"));
        as().body("{\"plan_id\": \"two\"}").post("/api/" + version + "/subscriptions").then().statusCode(400)
                .body("errors", hasKey("plan_id"));
        as().queryParam("status", "paused").get("/api/" + version + "/subscriptions/history").then().statusCode(400)
                .body("errors", hasKey("status"));
        as().queryParam("from_date", "31/01/2026").get("/api/" + version + "/subscriptions/history").then().statusCode(400)
                .body("errors", hasKey("from_date"));
        as().get("/api/" + version + "/subscriptions/active").then().statusCode(404);
    }

    @Test
    void everyRouteNeedsAToken() {
        api().contentType("application/json").body(Map.of("plan_id", BASIC)).post("/api/" + version + "/subscriptions")
                .then().statusCode(401);
        api().get("/api/" + version + "/subscriptions/history").then().statusCode(401);
        // ...but the original's plan alias is public, like the plan list.
        String plans = api().get("/api/" + version + "/plans").then().statusCode(200).extract().path("plans.id").toString();
        api().get("/api/" + version + "/subscriptions/plans").then().statusCode(200)
                .body("plans.id.toString()", equalTo(plans));
    }

    @Test
    void concurrentSubscribesLeaveExactlyOneLiveSubscription() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Callable<Integer>> attempts = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                attempts.add(() -> as().body(Map.of("plan_id", BASIC)).post("/api/" + version + "/subscriptions").then()
                        .extract().statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : pool.invokeAll(attempts)) {
                statuses.add(result.get());
            }
            assertThat(statuses).containsOnly(201, 409);
            assertThat(statuses.stream().filter(s -> s == 201)).hasSize(1);
        } finally {
            pool.shutdown();
        }
        as().get("/api/" + version + "/subscriptions/history").then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void concurrentPlanChangesLoseNoUpdate() throws Exception {
        subscribe(BASIC);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Callable<Integer>> changes = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                long target = i % 2 == 0 ? PRO : FREE;
                changes.add(() -> as().body(Map.of("plan_id", target)).post("/api/" + version + "/subscriptions/upgrade").then()
                        .extract().statusCode());
            }
            for (Future<Integer> result : pool.invokeAll(changes)) {
                statuses.add(result.get());
            }
        } finally {
            pool.shutdown();
        }
        // Each change ran alone on the locked row: applied (200), or refused as the same plan (400).
        assertThat(statuses).isSubsetOf(200, 400);
        JsonPath events = as().queryParam("per_page", 100).get("/api/" + version + "/subscriptions/events").then()
                .extract().jsonPath();
        long applied = statuses.stream().filter(s -> s == 200).count();
        assertThat(events.getInt("total")).isEqualTo(applied + 1);
        // The chain of changes is unbroken: each starts from the plan the previous one ended on.
        List<Integer> from = events.getList("events.from_plan_id");
        List<Integer> to = events.getList("events.to_plan_id");
        for (int i = 0; i < applied; i++) {
            assertThat(from.get(i)).isEqualTo(to.get(i + 1));
        }
        as().get("/api/" + version + "/subscriptions/active").then().body("plan_id", equalTo(to.get(0)));
    }

    private static long insertPlan(String status) throws Exception {
        try (Connection db = TestDatabase.connect(); PreparedStatement insert = db.prepareStatement(
                "INSERT INTO subscription_plans (name, description, price, features, status, is_public, sort_order, "
                        + "created_at, updated_at) VALUES (?, 'test', 5.00, '{}', ?, TRUE, 100, UTC_TIMESTAMP(6), "
                        + "UTC_TIMESTAMP(6))",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, "Plan " + System.nanoTime());
            insert.setString(2, status);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }
}
