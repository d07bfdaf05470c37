package com.subscriptions.queryplan;

import com.subscriptions.IntegrationTest;
import com.subscriptions.TestUsers;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.subscriptions.ApiClient.api;
import static org.assertj.core.api.Assertions.assertThat;

/** Every version's named read queries, run on the live database and explained. */
class AdminQueryPlansIT extends IntegrationTest {

    @Test
    void eachVersionsReadsComeWithTheirStatementsAndPlans() {
        TestUsers.Account account = TestUsers.register();
        api(TestUsers.login(account).access()).contentType("application/json").body(Map.of("plan_id", 2))
                .post("/api/v1/subscriptions").then().statusCode(201);
        List<Map<String, Object>> reads = api(TestUsers.admin().tokens().access()).queryParam("user_id", account.id())
                .get("/api/admin/query-plans").then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(reads).extracting(r -> r.get("version")).containsOnly("v1", "v2", "v3");
        assertThat(reads).hasSize(3 * 8);
        for (Map<String, Object> read : reads) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> statements = (List<Map<String, Object>>) read.get("statements");
            assertThat(statements).as(read.get("version") + " " + read.get("name")).isNotEmpty()
                    .allSatisfy(statement -> assertThat((List<?>) statement.get("plan")).isNotEmpty());
        }
    }

    @Test
    void onlyAdminsExplain() {
        api(TestUsers.login(TestUsers.register()).access()).get("/api/admin/query-plans").then().statusCode(403);
    }
}
