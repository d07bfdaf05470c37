package com.subscriptions.subscription;

import com.subscriptions.IntegrationTest;
import com.subscriptions.TestCatalog;
import com.subscriptions.TestDatabase;
import com.subscriptions.TestUsers.Account;
import com.subscriptions.TestUsers;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;

import static com.subscriptions.ApiClient.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;

/** The admin's subscription routes: indefinite, expiring, stats (contract §4). */
class AdminSubscriptionsIT extends IntegrationTest {

    private static RequestSpecification admin() {
        return api(TestUsers.admin().tokens().access()).contentType("application/json");
    }

    @Test
    void indefiniteGivesALiveSubscriptionWithoutPeriodEnd() {
        Account account = TestUsers.register();
        admin().body(Map.of("user_id", account.id(), "plan_id", 3)).post("/api/v1/subscriptions/indefinite")
                .then().statusCode(201)
                .body("user_id", equalTo((int) account.id()))
                .body("status", equalTo("active"))
                .body("current_period_end", nullValue())
                .body("auto_renew", equalTo(false));
        api(TestUsers.login(account).access()).get("/api/v1/subscriptions/active").then().statusCode(200)
                .body("plan_id", equalTo(3));

        admin().body(Map.of("user_id", account.id(), "plan_id", 2)).post("/api/v1/subscriptions/indefinite")
                .then().statusCode(409);
        admin().body(Map.of("user_id", 987654, "plan_id", 2)).post("/api/v1/subscriptions/indefinite")
                .then().statusCode(404);
        admin().body(Map.of("user_id", TestUsers.register().id(), "plan_id", 987654))
                .post("/api/v1/subscriptions/indefinite").then().statusCode(404);
        admin().body(Map.of("plan_id", 2)).post("/api/v1/subscriptions/indefinite").then().statusCode(400)
                .body("errors", hasKey("user_id"));
    }

    @Test
    void adminRoutesRefuseUsers() {
        String user = TestUsers.login(TestUsers.register()).access();
        api(user).get("/api/v1/subscriptions/stats").then().statusCode(403);
        api(user).get("/api/v1/subscriptions/expiring").then().statusCode(403);
        api(user).contentType("application/json").body(Map.of("user_id", 1, "plan_id", 1))
                .post("/api/v1/subscriptions/indefinite").then().statusCode(403);
    }

    @Test
    void expiringListsWhatEndsWithoutRenewalSoonestFirstWithItsHolder() throws Exception {
        Account account = TestUsers.register();
        String user = TestUsers.login(account).access();
        long id = api(user).contentType("application/json").body(Map.of("plan_id", 2))
                .post("/api/v1/subscriptions").then().statusCode(201).extract().jsonPath().getLong("id");
        api(user).contentType("application/json").body(Map.of()).post("/api/v1/subscriptions/cancel")
                .then().statusCode(200);
        endInDays(id, 3);

        JsonPath soon = admin().queryParam("days", 7).queryParam("per_page", 100)
                .get("/api/v1/subscriptions/expiring").then().statusCode(200).extract().jsonPath();
        String found = "subscriptions.find { it.id == " + id + " }";
        assertThat(soon.getLong(found + ".user.id")).isEqualTo(account.id());
        assertThat(soon.getString(found + ".user.username")).isEqualTo(account.username());
        assertThat(soon.getString(found + ".user.email")).isEqualTo(account.email());
        assertThat(soon.getString(found + ".plan.name")).isEqualTo("Basic Plan");
        assertThat(soon.getList("subscriptions.current_period_end", String.class)).isSorted();

        endInDays(id, 20);
        admin().queryParam("days", 7).queryParam("per_page", 100).get("/api/v1/subscriptions/expiring").then()
                .body("subscriptions.findAll { it.id == " + id + " }.size()", equalTo(0));
        admin().queryParam("days", 0).get("/api/v1/subscriptions/expiring").then().statusCode(400)
                .body("errors", hasKey("days"));
        admin().queryParam("days", "week").get("/api/v1/subscriptions/expiring").then().statusCode(400);
    }

    @Test
    void statsCountWhatChanged() {
        JsonPath before = admin().get("/api/v1/subscriptions/stats").then().statusCode(200).extract().jsonPath();
        String user = TestUsers.login(TestUsers.register()).access();
        api(user).contentType("application/json").body(Map.of("plan_id", TestCatalog.trialPlan(), "trial_days", 3))
                .post("/api/v1/subscriptions").then().statusCode(201);
        JsonPath after = admin().get("/api/v1/subscriptions/stats").then().statusCode(200)
                .body("$", hasKey("active_count")).body("$", hasKey("recently_canceled_count"))
                .extract().jsonPath();
        assertThat(after.getLong("trial_count")).isEqualTo(before.getLong("trial_count") + 1);
        assertThat(after.getLong("new_count")).isEqualTo(before.getLong("new_count") + 1);
        // A 3-day trial that converts (auto-renew) is not "expiring".
        assertThat(after.getLong("expiring_soon_count")).isEqualTo(before.getLong("expiring_soon_count"));
        assertThat(after.getLong("active_count")).isEqualTo(before.getLong("active_count"));
    }

    private static void endInDays(long subscriptionId, int days) throws Exception {
        try (Connection db = TestDatabase.connect(); PreparedStatement update = db.prepareStatement(
                "UPDATE user_subscriptions SET current_period_end = UTC_TIMESTAMP(6) + INTERVAL ? DAY WHERE id = ?")) {
            update.setInt(1, days);
            update.setLong(2, subscriptionId);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
