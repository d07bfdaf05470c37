package com.subscriptions.subscription;

import com.subscriptions.IntegrationTest;
import com.subscriptions.TestCatalog;
import com.subscriptions.TestDatabase;
import com.subscriptions.TestUsers;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;
import java.util.UUID;

import static com.subscriptions.ApiClient.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * v3 answers from its caches; whichever version (or the lifecycle job) wrote, the next v3 read is fresh. Each step
 * first reads through v3 so that the entry is cached, then writes, then reads again.
 */
class CacheFreshnessIT extends IntegrationTest {

    private static final long BASIC = 2;
    private static final long PRO = 3;

    private static RequestSpecification as(String token) {
        return api(token).contentType("application/json");
    }

    private static RequestSpecification admin() {
        return as(TestUsers.admin().tokens().access());
    }

    private static void v3Active(String token, String path, Object expected) {
        api(token).get("/api/v3/subscriptions/active").then().statusCode(200).body(path, equalTo(expected));
    }

    @Test
    void everySubscriptionWriteOfAnyVersionRefreshesTheUsersV3Reads() {
        String user = TestUsers.login(TestUsers.register()).access();
        api(user).get("/api/v3/subscriptions/active").then().statusCode(404);
        api(user).get("/api/v3/subscriptions/history").then().statusCode(200).body("total", equalTo(0));

        as(user).body(Map.of("plan_id", BASIC)).post("/api/v1/subscriptions").then().statusCode(201);
        v3Active(user, "plan_id", (int) BASIC);
        api(user).get("/api/v3/subscriptions/history").then().body("total", equalTo(1));

        as(user).body(Map.of("plan_id", PRO)).post("/api/v2/subscriptions/upgrade").then().statusCode(200);
        v3Active(user, "plan.name", "Pro Plan");
        api(user).get("/api/v3/subscriptions/history").then().body("subscriptions[0].plan_id", equalTo((int) PRO));

        as(user).body(Map.of()).post("/api/v1/subscriptions/cancel").then().statusCode(200);
        v3Active(user, "cancel_at_period_end", true);

        as(user).post("/api/v2/subscriptions/reactivate").then().statusCode(200);
        v3Active(user, "cancel_at_period_end", false);

        as(user).body(Map.of("at_period_end", false)).post("/api/v1/subscriptions/cancel").then().statusCode(200);
        api(user).get("/api/v3/subscriptions/active").then().statusCode(404);
        api(user).get("/api/v3/subscriptions/history").then().body("subscriptions[0].status", equalTo("canceled"));

        as(user).body(Map.of("plan_id", TestCatalog.trialPlan(), "trial_days", 7)).post("/api/v2/subscriptions/subscribe").then()
                .statusCode(201);
        v3Active(user, "status", "trial");
        api(user).get("/api/v3/subscriptions/history").then().body("total", equalTo(2));
    }

    @Test
    void aLifecycleTransitionRefreshesTheUsersV3Reads() throws Exception {
        String user = TestUsers.login(TestUsers.register()).access();
        long id = as(user).body(Map.of("plan_id", TestCatalog.trialPlan(), "trial_days", 7)).post("/api/v1/subscriptions").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        v3Active(user, "status", "trial");
        try (Connection db = TestDatabase.connect(); PreparedStatement update = db.prepareStatement(
                "UPDATE user_subscriptions SET current_period_end = UTC_TIMESTAMP(6) - INTERVAL 1 MINUTE, "
                        + "trial_end_date = UTC_TIMESTAMP(6) - INTERVAL 1 MINUTE WHERE id = ?")) {
            update.setLong(1, id);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
        admin().post("/api/admin/lifecycle/run").then().statusCode(200);
        v3Active(user, "status", "active");
    }

    @Test
    void anAdminsGrantRefreshesTheUsersV3Reads() {
        TestUsers.Account account = TestUsers.register();
        String user = TestUsers.login(account).access();
        api(user).get("/api/v3/subscriptions/active").then().statusCode(404);
        admin().body(Map.of("user_id", account.id(), "plan_id", PRO)).post("/api/v2/subscriptions/indefinite").then()
                .statusCode(201);
        v3Active(user, "current_period_end", null);
    }

    @Test
    void planWritesRefreshV3PlansAndTheSubscriptionsThatEmbedThem() {
        String name = "Cache " + UUID.randomUUID().toString().substring(0, 8);
        long plan = admin().body(Map.of("name", name, "description", "before", "price", 4.5)).post("/api/v1/plans")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        String user = TestUsers.login(TestUsers.register()).access();
        as(user).body(Map.of("plan_id", plan)).post("/api/v1/subscriptions").then().statusCode(201);
        v3Active(user, "plan.description", "before");
        api().get("/api/v3/plans/" + plan).then().statusCode(200).body("description", equalTo("before"));
        api().queryParam("per_page", 100).get("/api/v3/plans").then().body("plans.description", hasItem("before"));

        admin().body(Map.of("description", "after")).put("/api/v2/plans/" + plan).then().statusCode(200);
        api().get("/api/v3/plans/" + plan).then().body("description", equalTo("after"));
        api().queryParam("per_page", 100).get("/api/v3/plans").then()
                .body("plans.description", hasItem("after")).body("plans.description", not(hasItem("before")));
        v3Active(user, "plan.description", "after");
    }

    @Test
    void creatingAndDeletingAPlanShowInV3AtOnce() {
        String name = "Fleeting " + UUID.randomUUID().toString().substring(0, 8);
        api().queryParam("per_page", 100).get("/api/v3/plans").then().body("plans.name", not(hasItem(name)));
        long plan = admin().body(Map.of("name", name, "description", "short-lived", "price", 1))
                .post("/api/v2/plans").then().statusCode(201).extract().jsonPath().getLong("id");
        api().queryParam("per_page", 100).get("/api/v3/plans").then().body("plans.name", hasItem(name));
        api().get("/api/v3/plans/" + plan).then().statusCode(200);

        admin().delete("/api/v1/plans/" + plan).then().statusCode(204);
        api().get("/api/v3/plans/" + plan).then().statusCode(404);
        api().queryParam("per_page", 100).get("/api/v3/plans").then().body("plans.name", not(hasItem(name)));
    }
}
