package com.subscriptions.plan;

import com.subscriptions.IntegrationTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static com.subscriptions.ApiClient.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;

/** The public plan reads of contract §3 over HTTP, against the seeded catalogue. */
@ParameterizedClass
@ValueSource(strings = {"v1", "v2", "v3"})
class PlansIT extends IntegrationTest {

    @Parameter
    String version;

    @Test
    void listsTheSampleCatalogueInSortOrder() {
        JsonPath page = api().get("/api/" + version + "/plans/").then().statusCode(200)
                .contentType("application/json").extract().jsonPath();
        // Other tests add plans; the five seeded ones (ids 1-5) keep their order among them.
        JsonPath all = api().queryParam("per_page", 100).get("/api/" + version + "/plans/").then().extract().jsonPath();
        assertThat(all.getList("plans.findAll { it.id <= 5 }.name")).containsExactly(
                "Free Plan", "Basic Plan", "Pro Plan", "Basic Plan", "Pro Plan");
        assertThat(all.getList("plans.findAll { it.id <= 5 }.interval", String.class)).containsExactly(
                "monthly", "monthly", "monthly", "annual", "annual");
        assertThat(page.getInt("page")).isEqualTo(1);
        assertThat(page.getInt("per_page")).isEqualTo(10);
        assertThat(page.getInt("total")).isGreaterThanOrEqualTo(5);
        assertThat(page.getInt("pages")).isEqualTo((page.getInt("total") + 9) / 10);
    }

    @Test
    void aPlanHasEveryFieldOfTheContract() {
        api().get("/api/" + version + "/plans/2").then().statusCode(200)
                .body("id", equalTo(2))
                .body("name", equalTo("Basic Plan"))
                .body("price", equalTo(9.99f))
                .body("currency", equalTo("USD"))
                .body("interval", equalTo("monthly"))
                .body("duration_months", equalTo(1))
                .body("features.projects", equalTo(5))
                .body("status", equalTo("active"))
                .body("is_public", equalTo(true))
                .body("parent_id", nullValue())
                .body("$", hasKey("max_users"))
                .body("sort_order", equalTo(2))
                .body("trial_days", equalTo(0))
                .body("created_at", org.hamcrest.Matchers.matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"))
                .body("updated_at", org.hamcrest.Matchers.matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
    }

    @Test
    void moneyKeepsTwoDecimals() {
        String body = api().get("/api/" + version + "/plans/1").then().statusCode(200).extract().asString();
        assertThat(body).contains("\"price\":0.00");
    }

    @Test
    void pagesThroughTheList() {
        JsonPath first = api().queryParam("per_page", 2).get("/api/" + version + "/plans").then().statusCode(200).extract().jsonPath();
        JsonPath second = api().queryParam("per_page", 2).queryParam("page", 2).get("/api/" + version + "/plans")
                .then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("plans")).hasSize(2);
        assertThat(second.getList("plans")).hasSize(2);
        assertThat(second.getList("plans.id", Long.class)).doesNotContainAnyElementsOf(first.getList("plans.id", Long.class));
        assertThat(second.getInt("pages")).isEqualTo((second.getInt("total") + 1) / 2);
    }

    @Test
    void aPagePastTheEndIsEmpty() {
        api().queryParam("page", 1000).get("/api/" + version + "/plans").then().statusCode(200)
                .body("plans.size()", equalTo(0)).body("page", equalTo(1000));
    }

    @Test
    void withAndWithoutTrailingSlashAreTheSameResource() {
        String withSlash = api().get("/api/" + version + "/plans/").then().statusCode(200).extract().path("plans.id").toString();
        String without = api().get("/api/" + version + "/plans").then().statusCode(200).extract().path("plans.id").toString();
        assertThat(withSlash).isEqualTo(without);
    }

    @Test
    void filtersByStatus() {
        List<String> statuses = api().queryParam("status", "active").get("/api/" + version + "/plans").then().statusCode(200)
                .extract().jsonPath().getList("plans.status");
        assertThat(statuses).isNotEmpty().containsOnly("active");
        api().queryParam("status", "deprecated").queryParam("public_only", "false").get("/api/" + version + "/plans")
                .then().statusCode(200).body("plans.status.findAll { it != 'deprecated' }.size()", equalTo(0));
    }

    @Test
    void theListCarriesAnETagThatChangesWithTheList() {
        String etag = api().queryParam("public_only", false).queryParam("per_page", 100).get("/api/" + version + "/plans")
                .then().statusCode(200).extract().header("ETag");
        assertThat(etag).isNotBlank();
        api().header("If-None-Match", etag).queryParam("public_only", false).queryParam("per_page", 100)
                .get("/api/" + version + "/plans").then().statusCode(304);
        // Another page is another representation.
        api().header("If-None-Match", etag).queryParam("public_only", false).queryParam("per_page", 2)
                .get("/api/" + version + "/plans").then().statusCode(200);
    }

    @Test
    void unknownPlanIs404() {
        api().get("/api/" + version + "/plans/987654").then().statusCode(404)
                .contentType("application/problem+json").body("detail", equalTo("Plan 987654 not found"));
    }

    @Test
    void invalidListParametersAre400NamingTheParameter() {
        api().queryParam("page", 0).get("/api/" + version + "/plans").then().statusCode(400).body("errors", hasKey("page"));
        api().queryParam("page", "abc").get("/api/" + version + "/plans").then().statusCode(400).body("errors", hasKey("page"));
        api().queryParam("per_page", 101).get("/api/" + version + "/plans").then().statusCode(400).body("errors", hasKey("per_page"));
        api().queryParam("per_page", 0).get("/api/" + version + "/plans").then().statusCode(400).body("errors", hasKey("per_page"));
        api().queryParam("status", "retired").get("/api/" + version + "/plans").then().statusCode(400).body("errors", hasKey("status"));
        api().queryParam("public_only", "maybe").get("/api/" + version + "/plans").then().statusCode(400)
                .body("errors", hasKey("public_only"));
    }

    @Test
    void listsIntervalsAndStatuses() {
        String intervals = api().get("/api/" + version + "/plans/intervals").then().statusCode(200).extract().asString();
        assertThat(intervals).isEqualTo("[{\"value\":\"monthly\",\"name\":\"MONTHLY\"},{\"value\":\"quarterly\",\"name\":\"QUARTERLY\"},"
                + "{\"value\":\"semi-annual\",\"name\":\"SEMI_ANNUAL\"},{\"value\":\"annual\",\"name\":\"ANNUAL\"}]");
        String statuses = api().get("/api/" + version + "/plans/statuses").then().statusCode(200).extract().asString();
        assertThat(statuses).isEqualTo("[{\"value\":\"active\",\"name\":\"ACTIVE\"},{\"value\":\"inactive\",\"name\":\"INACTIVE\"},"
                + "{\"value\":\"deprecated\",\"name\":\"DEPRECATED\"}]");
    }
}
