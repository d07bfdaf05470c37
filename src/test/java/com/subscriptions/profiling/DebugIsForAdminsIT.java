package com.subscriptions.profiling;

import com.subscriptions.IntegrationTest;
import com.subscriptions.TestUsers;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.subscriptions.ApiClient.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** {@code ?_debug} shows SQL, table sizes and plans: only to admins, even where profiling is enabled. */
class DebugIsForAdminsIT extends IntegrationTest {

    @Test
    void anonymousCallersAndUsersGetThePlainAnswer() {
        for (String mode : new String[]{"true", "explain"}) {
            api().get("/api/v2/plans/1?_debug=" + mode).then().statusCode(200)
                    .header("X-Query-Count", nullValue()).header("Server-Timing", nullValue())
                    .body("$", not(hasKey("_debug")));
            String user = TestUsers.login(TestUsers.register()).access();
            api(user).get("/api/v2/plans/1?_debug=" + mode).then().statusCode(200)
                    .header("X-Query-Count", nullValue()).body("$", not(hasKey("_debug")));
        }
    }

    @Test
    void adminsGetTheProfile() {
        api(TestUsers.admin().tokens().access()).get("/api/v2/plans/1?_debug=true").then().statusCode(200)
                .header("X-Query-Count", notNullValue()).body("_debug.statements", notNullValue());
    }

    /** A read's parameters let a statement be run again as the server ran it; a write's may hold secrets. */
    @Test
    void aReadsStatementsCarryTheirParametersAndAWritesDoNot() {
        String adminUser = TestUsers.login(TestUsers.registerAdmin()).access();
        List<Map<String, Object>> written = api(adminUser).contentType("application/json")
                .body(Map.of("plan_id", 2)).post("/api/v1/subscriptions?_debug=true").then().statusCode(201)
                .extract().jsonPath().getList("_debug.statements");
        assertThat(written).isNotEmpty().allSatisfy(statement -> assertThat(statement).doesNotContainKey("parameters"));

        var read = api(adminUser).get("/api/v2/subscriptions/active?_debug=true").then().statusCode(200)
                .extract().jsonPath();
        long userId = read.getLong("user_id");
        List<Map<String, Object>> statements = read.getList("_debug.statements");
        assertThat(statements).hasSize(1);
        List<?> parameters = (List<?>) statements.get(0).get("parameters");
        assertThat(parameters).hasSize(count(String.valueOf(statements.get(0).get("sql")), '?'));
        assertThat(parameters.stream().filter(Number.class::isInstance).map(p -> ((Number) p).longValue()))
                .contains(userId);
    }

    private static int count(String text, char wanted) {
        return (int) text.chars().filter(c -> c == wanted).count();
    }
}
