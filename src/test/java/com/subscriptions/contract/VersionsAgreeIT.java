package com.subscriptions.contract;

import com.subscriptions.IntegrationTest;
import com.subscriptions.TestCatalog;
import com.subscriptions.TestUsers;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static com.subscriptions.ApiClient.api;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The versions differ only in how they read: for the same data, every read route answers byte-for-byte the same
 * JSON in each of them.
 */
class VersionsAgreeIT extends IntegrationTest {

    private static final List<String> VERSIONS = List.of("v1", "v2", "v3");
    private static String user;

    /** A user with a history: an upgrade with proration, a cancellation, a trial scheduled to cancel. */
    @BeforeAll
    static void history() {
        user = TestUsers.login(TestUsers.register()).access();
        post("/api/v1/subscriptions", Map.of("plan_id", 2));
        post("/api/v1/subscriptions/upgrade", Map.of("plan_id", 3));
        post("/api/v1/subscriptions/cancel", Map.of("at_period_end", false));
        post("/api/v1/subscriptions", Map.of("plan_id", TestCatalog.trialPlan(), "trial_days", 10));
        post("/api/v1/subscriptions/cancel", Map.of());
    }

    private static void post(String path, Map<String, Object> body) {
        api(user).contentType("application/json").body(body).post(path).then().statusCode(org.hamcrest.Matchers.lessThan(300));
    }

    private static void sameInEveryVersion(RequestSpecification as, String route) {
        String first = null;
        for (String version : VERSIONS) {
            String body = as.get("/api/" + version + route).then().statusCode(200).extract().asString();
            if (first == null) {
                first = body;
            } else {
                assertThat(body).as(version + route).isEqualTo(first);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/plans", "/plans/", "/plans?per_page=2&page=2", "/plans?public_only=false",
            "/plans?public_only=false&status=inactive", "/plans?page=999", "/plans/1", "/plans/5",
            "/plans/intervals", "/plans/statuses", "/subscriptions/plans?per_page=3", "/plans?cursor=&per_page=2",
            "/plans?fields=id,name,price", "/plans/2?fields=interval,features"})
    void publicReads(String route) {
        sameInEveryVersion(api(), route);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/subscriptions/active", "/subscriptions/history", "/subscriptions/user",
            "/subscriptions/history?status=canceled", "/subscriptions/history?status=trial,active",
            "/subscriptions/history?per_page=1&page=2", "/subscriptions/history?page=99",
            "/subscriptions/history?from_date=2000-01-01&to_date=2999-12-31", "/subscriptions/events",
            "/subscriptions/events?per_page=2&page=2", "/subscriptions/history?cursor=&per_page=1",
            "/subscriptions/events?cursor=&per_page=3", "/subscriptions/history?fields=id,status,plan",
            "/subscriptions/active?fields=plan_id"})
    void theCallersReads(String route) {
        sameInEveryVersion(api(user), route);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/subscriptions/expiring?days=365&per_page=100", "/subscriptions/expiring?days=1",
            "/subscriptions/stats", "/subscriptions/expiring?days=365&cursor=&per_page=1",
            "/subscriptions/expiring?days=365&fields=id,user"})
    void adminReads(String route) {
        sameInEveryVersion(api(TestUsers.admin().tokens().access()), route);
    }

    /** Every keyset page, followed through next_cursor, is the same in each version and adds up to the list. */
    @ParameterizedTest
    @ValueSource(strings = {"/subscriptions/history", "/subscriptions/events"})
    void keysetPagesWalkTheWholeListAlike(String route) {
        String member = route.endsWith("history") ? "subscriptions" : "events";
        List<Object> all = api(user).queryParam("per_page", 100).get("/api/v1" + route).then().statusCode(200)
                .extract().jsonPath().getList(member + ".id");
        assertThat(all).hasSizeGreaterThanOrEqualTo(2);
        List<String> firstVersionPages = null;
        for (String version : VERSIONS) {
            List<String> pages = new java.util.ArrayList<>();
            List<Object> walked = new java.util.ArrayList<>();
            String cursor = "";
            while (cursor != null) {
                var page = api(user).queryParam("per_page", 1).queryParam("cursor", cursor)
                        .get("/api/" + version + route).then().statusCode(200).extract();
                pages.add(page.asString());
                walked.addAll(page.jsonPath().getList(member + ".id"));
                assertThat(page.jsonPath().<Object>get("total")).isNull();
                cursor = page.jsonPath().getString("next_cursor");
                assertThat(page.jsonPath().getBoolean("has_more")).isEqualTo(cursor != null);
            }
            assertThat(walked).as(version).isEqualTo(all);
            if (firstVersionPages == null) {
                firstVersionPages = pages;
            } else {
                assertThat(pages).as(version).isEqualTo(firstVersionPages);
            }
        }
    }

    @Test
    void theSameRefusals() {
        for (String version : VERSIONS) {
            api().get("/api/" + version + "/plans/987654").then().statusCode(404);
            api().get("/api/" + version + "/plans?per_page=0").then().statusCode(400);
            api().get("/api/" + version + "/plans?cursor=bm90LWEtY3Vyc29y").then().statusCode(400)
                    .body("errors", org.hamcrest.Matchers.hasKey("cursor"));
            api().get("/api/" + version + "/plans?fields=id,colour").then().statusCode(400)
                    .body("errors.fields", org.hamcrest.Matchers.containsString("colour"));
            api(TestUsers.login(TestUsers.register()).access()).get("/api/" + version + "/subscriptions/active")
                    .then().statusCode(404);
        }
    }
}
