package com.subscriptions.problem;

import com.subscriptions.IntegrationTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import static com.subscriptions.ApiClient.api;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** Every class of error answers RFC 9457 problem+json with the contract's members (contract §0). */
class ErrorModelIT extends IntegrationTest {

    private static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status)
                .contentType(containsString("application/problem+json"))
                .header("X-Request-Id", notNullValue())
                .body("type", notNullValue())
                .body("title", notNullValue())
                .body("status", equalTo(status))
                .body("detail", notNullValue())
                .body("request_id", notNullValue());
    }

    @Test
    void unknownApiRouteIs404() {
        problem(api().get("/api/v1/no-such-thing").then(), 404)
                .body("detail", containsString("/api/v1/no-such-thing"));
    }

    @Test
    void unknownPathOutsideTheApiIs404() {
        problem(api().get("/no/such/page").then(), 404);
    }

    @Test
    void messageRepeatsDetailForClientsOfTheOriginalService() {
        String detail = api().get("/api/v1/plans/424242").then().extract().path("detail");
        api().get("/api/v1/plans/424242").then().body("message", equalTo(detail));
    }

    @Test
    void wrongMethodIs405() {
        problem(api().delete("/api/v1/plans/intervals").then(), 405)
                .header("Allow", containsString("GET"));
    }

    @Test
    void unsupportedMediaTypeIs415() {
        problem(api().contentType("text/plain").body("hello").post("/api/test-probe").then(), 415);
    }

    @Test
    void malformedJsonIs400() {
        problem(api().contentType("application/json").body("{\"item_name\": ").post("/api/test-probe").then(), 400)
                .body("detail", equalTo("Malformed JSON request body"));
    }

    @Test
    void mistypedFieldIs400NamingTheField() {
        problem(api().contentType("application/json").body("{\"item_name\":\"x\",\"quantity\":\"many\"}")
                .post("/api/test-probe").then(), 400)
                .body("errors", hasKey("quantity"));
    }

    @Test
    void beanValidationFailureIs400NamingEachField() {
        problem(api().contentType("application/json").body("{\"item_name\":\"\",\"quantity\":0}")
                .post("/api/test-probe").then(), 400)
                .body("errors", hasKey("item_name"))
                .body("errors", hasKey("quantity"));
    }

    @Test
    void validBodyPasses() {
        api().contentType("application/json").body("{\"item_name\":\"seat\",\"quantity\":2}").post("/api/test-probe")
                .then().statusCode(200).body("item_name", equalTo("seat")).body("quantity", equalTo(2));
    }

    @Test
    void unexpectedFailureIs500WithoutStackTraceOrSql() {
        problem(api().get("/api/test-probe/failure").then(), 500)
                .body(not(containsString("SELECT")))
                .body(not(containsString("PersistenceException")))
                .body(not(containsString("at com.")));
    }

    @Test
    void requestIdIsEchoedAndQuotedInTheProblem() {
        api().header("X-Request-Id", "trace-1234").get("/api/v1/plans/424242").then()
                .statusCode(404)
                .header("X-Request-Id", "trace-1234")
                .body("request_id", equalTo("trace-1234"));
    }

    @Test
    void everySuccessfulResponseCarriesARequestId() {
        api().get("/api/v1/plans").then().statusCode(200).header("X-Request-Id", notNullValue());
        api().get("/api/docs").then().statusCode(200).header("X-Request-Id", notNullValue());
    }
}
