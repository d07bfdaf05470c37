package com.subscriptions.problem.boundary;

import com.subscriptions.platform.control.JsonNames;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemTest {

    @Test
    void carriesTheRfc9457MembersAndTheOriginalServicesMessage() {
        JsonObject json = Problem.of(404, "Plan 7 not found").toJson("req-1");
        assertThat(json.getString("type")).isEqualTo("about:blank");
        assertThat(json.getString("title")).isEqualTo("Not Found");
        assertThat(json.getInt("status")).isEqualTo(404);
        assertThat(json.getString("detail")).isEqualTo("Plan 7 not found");
        assertThat(json.getString("message")).isEqualTo("Plan 7 not found");
        assertThat(json.getString("request_id")).isEqualTo("req-1");
        assertThat(json.containsKey("errors")).isFalse();
    }

    @Test
    void validationProblemsNameEachField() {
        JsonObject json = Problem.invalid(Map.of("email", "must be a well-formed email address")).toJson(null);
        assertThat(json.getInt("status")).isEqualTo(400);
        assertThat(json.getJsonObject("errors").getString("email")).isEqualTo("must be a well-formed email address");
        assertThat(json.getString("detail")).contains("email");
        assertThat(json.containsKey("request_id")).isFalse();
    }

    @Test
    void statusesOutsideJaxRsHaveTitlesToo() {
        assertThat(Problem.of(422, "x").title()).isEqualTo("Unprocessable Content");
        assertThat(Problem.of(429, "x").title()).isEqualTo("Too Many Requests");
    }

    @Test
    void camelCaseBecomesSnakeCase() {
        assertThat(JsonNames.snakeCase("perPage")).isEqualTo("per_page");
        assertThat(JsonNames.snakeCase("itemName")).isEqualTo("item_name");
        assertThat(JsonNames.snakeCase("email")).isEqualTo("email");
    }
}
