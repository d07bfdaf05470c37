package com.subscriptions.platform;

import com.subscriptions.IntegrationTest;
import io.restassured.RestAssured;
import io.restassured.config.DecoderConfig;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.subscriptions.ApiClient.api;
import static com.subscriptions.ApiClient.health;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** The unversioned service routes of contract §1: health, the OpenAPI document, Swagger UI's assets. */
class ServiceRoutesIT extends IntegrationTest {

    @Test
    void liveIsUp() {
        health().get("/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void readyChecksTheDatabase() {
        health().get("/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("database"));
    }

    @Test
    void openApiDocumentDescribesThePlanRoutes() {
        api().accept("application/json").get("/openapi").then().statusCode(200)
                .body("info.title", equalTo("Subscription Management API"))
                .body("info.version", equalTo("1.0.0"))
                .body("servers[0].url", equalTo("/"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/{version}/plans"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/{version}/plans/{id}"))
                .body("paths.'/api/{version}/plans'.get.responses", org.hamcrest.Matchers.hasKey("400"));
    }

    @Test
    void openApiDocumentsTheSchemaOfTheExpiringListAndThePlanChangeAnswer() {
        JsonPath document = api().accept("application/json").get("/openapi").then().statusCode(200).extract()
                .jsonPath();
        // Both answers unwrap a subscription into their own members: documented in META-INF/openapi.yaml.
        assertThat(responseProperties(document, "'/api/{version}/subscriptions/expiring'.get"))
                .containsKeys("subscriptions", "next_cursor", "has_more");
        assertThat(document.getMap("components.schemas.ExpiringEntry").toString())
                .contains("#/components/schemas/SubscriptionView").contains("user");
        assertThat(document.getString("paths.'/api/{version}/subscriptions/upgrade'.post.responses.'200'.content"
                + ".'application/json'.schema.'$ref'")).endsWith("/PlanChange");
        assertThat(document.getMap("components.schemas.PlanChange").toString())
                .contains("#/components/schemas/SubscriptionView").contains("proration");
        assertThat(document.getMap("components.schemas.SubscriptionView.properties")).containsKey("plan");
    }

    /** The properties of an operation's 200 schema, whether written in place or referenced from the components. */
    private static Map<String, Object> responseProperties(JsonPath document, String operation) {
        String schema = "paths." + operation + ".responses.'200'.content.'application/json'.schema";
        String reference = document.getString(schema + ".'$ref'");
        String path = reference == null ? schema
                : "components.schemas." + reference.substring(reference.lastIndexOf('/') + 1);
        return document.getMap(path + ".properties");
    }

    @Test
    void openApiDocumentsTheBearerSchemeOnProtectedRoutes() {
        api().accept("application/json").get("/openapi").then().statusCode(200)
                .body("components.securitySchemes.bearer.type", equalTo("http"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("paths.'/api/{version}/auth/logout'.post.security[0]", org.hamcrest.Matchers.hasKey("bearer"))
                .body("paths.'/api/admin/users/{id}/roles'.put.responses", org.hamcrest.Matchers.hasKey("403"))
                // Declared even where the Java method does not read it, with the versions the route accepts.
                .body("paths.'/api/{version}/auth/logout'.post.parameters.find { it.name == 'version' }.schema.enum",
                        org.hamcrest.Matchers.contains("v1", "v2", "v3"))
                .body("paths.'/api/{version}/plans'.get.parameters.find { it.name == 'version' }.schema.enum",
                        org.hamcrest.Matchers.contains("v1", "v2", "v3"));
    }

    @Test
    void largeResponsesAreGzippedWhenTheClientAcceptsIt() {
        api().header("Accept-Encoding", "gzip").queryParam("per_page", 100).queryParam("public_only", false)
                .get("/api/v1/plans").then().statusCode(200).header("Content-Encoding", "gzip")
                .body("plans.size()", org.hamcrest.Matchers.greaterThanOrEqualTo(5));
        // REST Assured asks for gzip by itself unless its decoders are off.
        var noDecoders = RestAssured.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());
        api().config(noDecoders).queryParam("per_page", 100).get("/api/v1/plans").then()
                .statusCode(200).header("Content-Encoding", org.hamcrest.Matchers.nullValue());
        // Under 1 KiB it is not worth it.
        api().config(noDecoders).header("Accept-Encoding", "gzip").get("/api/v1/plans/intervals").then()
                .statusCode(200).header("Content-Encoding", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void openApiHidesRegularExpressionTemplates() {
        api().get("/openapi").then().statusCode(200).body(not(containsString("{version:")));
    }

    @Test
    void swaggerUiPageAndItsAssetsAreServed() {
        api().get("/api/docs").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("swagger-ui-bundle.js")).body(containsString("/api/docs/init.js"));
        api().get("/api/docs/init.js").then().statusCode(200).contentType(containsString("javascript"))
                .body(containsString("url: \"/openapi\"")).body(containsString("persistAuthorization: false"));
        api().get("/webjars/swagger-ui/5.32.6/swagger-ui-bundle.js").then().statusCode(200);
        api().get("/webjars/swagger-ui/5.32.6/swagger-ui.css").then().statusCode(200);
    }

    /** The pages (console, Swagger UI) and the API answer with the browser hardening headers. */
    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        for (String path : new String[]{"/admin/", "/api/docs", "/api/docs/init.js", "/api/v1/plans/1"}) {
            api().get(path).then().statusCode(200)
                    .header("Content-Security-Policy", containsString("script-src 'self'"))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("X-Content-Type-Options", equalTo("nosniff"))
                    .header("Referrer-Policy", equalTo("no-referrer"));
        }
        api().get("/api/docs").then().body(org.hamcrest.Matchers.not(containsString("<script>")));
    }

    @Test
    void noWadlIsPublished() {
        api().get("/api/application.wadl").then().statusCode(404).contentType(containsString("application/problem+json"));
        api().options("/api/ping").then().body(not(containsString("wadl")));
    }
}
