package com.subscriptions.plan;

import com.subscriptions.IntegrationTest;
import com.subscriptions.TestUsers;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static com.subscriptions.ApiClient.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

/** Plan create, update and delete by admins (contract §3). */
class PlanAdminIT extends IntegrationTest {

    private static RequestSpecification admin() {
        return api(TestUsers.admin().tokens().access()).contentType("application/json");
    }

    private static Map<String, Object> newPlan() {
        Map<String, Object> plan = new HashMap<>();
        plan.put("name", "Team " + UUID.randomUUID().toString().substring(0, 8));
        plan.put("description", "For teams");
        plan.put("price", 49.5);
        return plan;
    }

    private static int create(Map<String, Object> plan) {
        return admin().body(plan).post("/api/v1/plans").then().statusCode(201).extract().path("id");
    }

    @Test
    void createTakesTheContractDefaults() {
        Map<String, Object> plan = newPlan();
        admin().body(plan).post("/api/v1/plans").then().statusCode(201)
                .header("Location", matchesPattern("https?://[^/]+/api/v1/plans/\\d+"))
                .header("ETag", notNullValue())
                .body("name", equalTo(plan.get("name")))
                .body("price", equalTo(49.5f))
                .body("currency", equalTo("USD"))
                .body("interval", equalTo("monthly"))
                .body("duration_months", equalTo(1))
                .body("features", equalTo(Map.of()))
                .body("status", equalTo("active"))
                .body("is_public", equalTo(true))
                .body("sort_order", equalTo(0))
                .body("trial_days", equalTo(0));
    }

    @Test
    void onlyAdminsWrite() {
        api().contentType("application/json").body(newPlan()).post("/api/v1/plans").then().statusCode(401);
        String user = TestUsers.login(TestUsers.register()).access();
        api(user).contentType("application/json").body(newPlan()).post("/api/v1/plans").then().statusCode(403);
        api(user).contentType("application/json").body(Map.of("price", 1)).put("/api/v1/plans/1").then().statusCode(403);
        api(user).delete("/api/v1/plans/1").then().statusCode(403);
    }

    @Test
    void badFieldsAre400NamingThemAndCreateNothing() {
        Map<String, Object> missing = new HashMap<>(Map.of("description", "x"));
        admin().body(missing).post("/api/v1/plans").then().statusCode(400)
                .body("errors", hasKey("name")).body("errors", hasKey("price"));
        Map<String, Object> negative = newPlan();
        negative.put("price", -1);
        admin().body(negative).post("/api/v1/plans").then().statusCode(400).body("errors", hasKey("price"));
        Map<String, Object> interval = newPlan();
        interval.put("interval", "weekly");
        admin().body(interval).post("/api/v1/plans").then().statusCode(400).body("errors", hasKey("interval"));
        Map<String, Object> longName = newPlan();
        longName.put("name", "n".repeat(101));
        admin().body(longName).post("/api/v1/plans").then().statusCode(400).body("errors", hasKey("name"));
        Map<String, Object> parent = newPlan();
        parent.put("parent_id", 987654);
        admin().body(parent).post("/api/v1/plans").then().statusCode(400).body("errors", hasKey("parent_id"));
        api().queryParam("public_only", "false").queryParam("per_page", 100).get("/api/v1/plans").then()
                .body("plans.name.findAll { it == '" + negative.get("name") + "' }.size()", equalTo(0));
    }

    @Test
    void aDuplicateNameAndIntervalIs409() {
        Map<String, Object> plan = newPlan();
        create(plan);
        admin().body(plan).post("/api/v1/plans").then().statusCode(409);
        plan.put("interval", "annual");
        admin().body(plan).post("/api/v1/plans").then().statusCode(201);
    }

    @Test
    void updateChangesOnlyWhatIsGivenAndHonoursETags() {
        int id = create(newPlan());
        String etag = api().get("/api/v1/plans/" + id).then().statusCode(200).extract().header("ETag");
        api().header("If-None-Match", etag).get("/api/v1/plans/" + id).then().statusCode(304);

        admin().header("If-Match", etag).body(Map.of("price", 59.0, "features", Map.of("seats", 25)))
                .put("/api/v1/plans/" + id).then().statusCode(200)
                .body("price", equalTo(59.0f)).body("features.seats", equalTo(25))
                .body("description", equalTo("For teams")).body("interval", equalTo("monthly"));
        // The old ETag is stale now.
        admin().header("If-Match", etag).body(Map.of("price", 1)).put("/api/v1/plans/" + id).then().statusCode(412);
        api().get("/api/v1/plans/" + id).then().body("price", equalTo(59.0f));
        admin().body(Map.of("price", 1)).put("/api/v1/plans/987654").then().statusCode(404);
    }

    @Test
    void deleteRemovesAnUnusedPlanAndRefusesOneWithSubscriptions() {
        int unused = create(newPlan());
        admin().delete("/api/v1/plans/" + unused).then().statusCode(204);
        api().get("/api/v1/plans/" + unused).then().statusCode(404);

        int used = create(newPlan());
        String user = TestUsers.login(TestUsers.register()).access();
        api(user).contentType("application/json").body(Map.of("plan_id", used)).post("/api/v1/subscriptions")
                .then().statusCode(201);
        admin().delete("/api/v1/plans/" + used).then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("deprecated"));
        admin().body(Map.of("status", "deprecated")).put("/api/v1/plans/" + used).then().statusCode(200)
                .body("status", equalTo("deprecated"));
    }

    @Test
    void privatePlansAreListedOnlyWhenAsked() {
        Map<String, Object> hidden = newPlan();
        hidden.put("is_public", false);
        hidden.put("sort_order", 500);
        create(hidden);
        String name = (String) hidden.get("name");
        api().queryParam("per_page", 100).get("/api/v1/plans").then()
                .body("plans.name.findAll { it == '" + name + "' }.size()", equalTo(0));
        api().queryParam("per_page", 100).queryParam("public_only", false).get("/api/v1/plans").then()
                .body("plans.name.findAll { it == '" + name + "' }.size()", equalTo(1));
    }

    @Test
    void twentyFivePlansArePagesOfTenAndFive() {
        String family = "Paged " + UUID.randomUUID().toString().substring(0, 6) + " ";
        for (int i = 0; i < 25; i++) {
            Map<String, Object> plan = newPlan();
            plan.put("name", family + i);
            plan.put("is_public", false);
            plan.put("status", "inactive");
            plan.put("sort_order", 10_000 + i);
            create(plan);
        }
        int total = api().queryParam("public_only", false).queryParam("status", "inactive").get("/api/v1/plans")
                .then().extract().path("total");
        int lastPage = (total + 9) / 10;
        var last = api().queryParam("public_only", false).queryParam("status", "inactive")
                .queryParam("page", lastPage).get("/api/v1/plans").then().statusCode(200).extract().jsonPath();
        assertThat(last.getInt("pages")).isEqualTo(lastPage);
        assertThat(last.getList("plans")).hasSize(total - (lastPage - 1) * 10);
        assertThat(last.getList("plans.name", String.class)).last().isEqualTo(family + 24);
    }
}
