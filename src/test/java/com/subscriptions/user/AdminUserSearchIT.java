package com.subscriptions.user;

import com.subscriptions.IntegrationTest;
import com.subscriptions.TestDatabase;
import com.subscriptions.TestUsers;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.subscriptions.ApiClient.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

/** The admin's user search: by prefix, by subscription status and plan, page by page with a cursor. */
class AdminUserSearchIT extends IntegrationTest {

    private static final String PREFIX = "srch" + UUID.randomUUID().toString().substring(0, 6);
    private static final List<String> NAMES = new ArrayList<>();

    private static RequestSpecification admin() {
        return api(TestUsers.admin().tokens().access()).contentType("application/json");
    }

    /** Five users sharing a prefix; the first two subscribe to Pro, the third to Basic. */
    @BeforeAll
    static void users() {
        for (int i = 0; i < 5; i++) {
            String name = PREFIX + "_" + i;
            api().contentType("application/json").body(Map.of("username", name, "email", name + "@example.org",
                    "password", TestUsers.PASSWORD)).post("/api/v1/auth/register").then().statusCode(201);
            NAMES.add(name);
            if (i < 3) {
                api(TestUsers.login(name, TestUsers.PASSWORD).access()).contentType("application/json")
                        .body(Map.of("plan_id", i < 2 ? 3 : 2)).post("/api/v1/subscriptions").then().statusCode(201);
            }
        }
    }

    @Test
    void findsByUsernamePrefixInNameOrderWithTheLiveSubscription() {
        JsonPath found = admin().queryParam("q", PREFIX).get("/api/admin/users").then().statusCode(200).extract()
                .jsonPath();
        assertThat(found.getList("users.username")).isEqualTo(NAMES);
        assertThat(found.getInt("total")).isEqualTo(5);
        assertThat(found.getString("users[0].subscription.plan_name")).isEqualTo("Pro Plan");
        assertThat(found.getString("users[0].subscription.status")).isEqualTo("active");
        assertThat(found.getString("users[4].subscription")).isNull();
    }

    @Test
    void findsByEmailPrefix() {
        admin().queryParam("q", PREFIX + "_3@").get("/api/admin/users").then().statusCode(200)
                .body("users.username", equalTo(List.of(PREFIX + "_3")));
    }

    @Test
    void filtersByStatusAndPlan() {
        admin().queryParam("q", PREFIX).queryParam("plan_id", 3).queryParam("status", "active")
                .get("/api/admin/users").then().statusCode(200)
                .body("users.username", equalTo(NAMES.subList(0, 2)));
        admin().queryParam("q", PREFIX).queryParam("status", "canceled").get("/api/admin/users").then()
                .body("users.size()", equalTo(0));
    }

    /**
     * A live status without a name prefix (the common case: most users are active) is read from the users' live
     * subscriptions and counted from the kept counts; the page and the total are what a full count finds.
     */
    @Test
    void aLiveStatusWithoutAPrefixFindsAndCountsWhatAFullCountDoes() throws SQLException {
        for (String status : List.of("active", "trial")) {
            JsonPath page = admin().queryParam("status", status).queryParam("per_page", 100).get("/api/admin/users")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(page.getInt("total")).as(status).isEqualTo(usersWith(status, null));
            assertThat(page.getList("users.subscription.status", String.class)).as(status).allMatch(status::equals);
        }
        JsonPath onPro = admin().queryParam("status", "active").queryParam("plan_id", 3).queryParam("per_page", 100)
                .get("/api/admin/users").then().statusCode(200).extract().jsonPath();
        assertThat(onPro.getInt("total")).isEqualTo(usersWith("active", 3L)).isGreaterThanOrEqualTo(2);
        assertThat(onPro.getList("users.subscription.plan_id", Integer.class)).allMatch(plan -> plan == 3);
        assertThat(onPro.getList("users.username", String.class)).containsAll(NAMES.subList(0, 2));
        admin().queryParam("q", PREFIX).queryParam("status", "active").get("/api/admin/users").then()
                .body("total", equalTo(3));
    }

    /**
     * Any status (canceled here) and/or a plan: users with such a subscription, probed in name order while the matching
     * subscriptions are many (the tests make every match "many"), their total counted along the index.
     */
    @Test
    void anyStatusOrPlanWithoutAPrefixFindsAndCountsWhatAFullCountDoes() throws SQLException {
        String canceler = TestUsers.login(TestUsers.register()).access();
        api(canceler).contentType("application/json").body(Map.of("plan_id", 4)).post("/api/v1/subscriptions").then()
                .statusCode(201);
        api(canceler).contentType("application/json").body(Map.of("at_period_end", false))
                .post("/api/v1/subscriptions/cancel").then().statusCode(200);
        for (Map<String, Object> filter : List.<Map<String, Object>>of(Map.of("status", "canceled"),
                Map.of("plan_id", 4), Map.of("status", "canceled", "plan_id", 4), Map.of("status", "expired"))) {
            List<String> expected = usernamesWith((String) filter.get("status"), (Integer) filter.get("plan_id"));
            JsonPath page = admin().queryParams(filter).queryParam("per_page", 100).get("/api/admin/users").then()
                    .statusCode(200).extract().jsonPath();
            assertThat(page.getInt("total")).as(filter.toString()).isEqualTo(expected.size());
            assertThat(page.getList("users.username", String.class)).as(filter.toString())
                    .isEqualTo(expected.subList(0, Math.min(100, expected.size())));
            if (!filter.containsKey("status") || "canceled".equals(filter.get("status"))) {
                assertThat(expected).as(filter.toString()).isNotEmpty();
            }
        }
    }

    private static int usersWith(String status, Long planId) throws SQLException {
        return usernamesWith(status, planId == null ? null : planId.intValue()).size();
    }

    /** The usernames, in the database's name order, of the users with a subscription in the status and on the plan. */
    private static List<String> usernamesWith(String status, Integer planId) throws SQLException {
        try (Connection db = TestDatabase.connect(); PreparedStatement users = db.prepareStatement(
                "SELECT u.username FROM users u WHERE EXISTS (SELECT 1 FROM user_subscriptions f WHERE f.user_id = u.id "
                        + "AND (? IS NULL OR f.status = ?) AND (? IS NULL OR f.plan_id = ?)) ORDER BY u.username")) {
            users.setString(1, status);
            users.setString(2, status);
            users.setObject(3, planId);
            users.setObject(4, planId);
            List<String> names = new ArrayList<>();
            try (ResultSet row = users.executeQuery()) {
                while (row.next()) {
                    names.add(row.getString(1));
                }
            }
            return names;
        }
    }

    @Test
    void keysetPagesWalkTheResultsWithoutCounting() {
        List<String> walked = new ArrayList<>();
        String cursor = "";
        while (cursor != null) {
            JsonPath page = admin().queryParam("q", PREFIX).queryParam("per_page", 2).queryParam("cursor", cursor)
                    .get("/api/admin/users").then().statusCode(200).extract().jsonPath();
            assertThat(page.<Object>get("total")).isNull();
            walked.addAll(page.getList("users.username"));
            cursor = page.getString("next_cursor");
        }
        assertThat(walked).isEqualTo(NAMES);
    }

    @Test
    void likeWildcardsAreMatchedLiterallyAndBadFiltersAre400() {
        admin().queryParam("q", "%").get("/api/admin/users").then().statusCode(200).body("users.size()", equalTo(0));
        admin().queryParam("status", "sleeping").get("/api/admin/users").then().statusCode(400)
                .body("errors", hasKey("status"));
        admin().queryParam("plan_id", "x").get("/api/admin/users").then().statusCode(400)
                .body("errors", hasKey("plan_id"));
        api(TestUsers.login(TestUsers.register()).access()).get("/api/admin/users").then().statusCode(403);
    }
}
