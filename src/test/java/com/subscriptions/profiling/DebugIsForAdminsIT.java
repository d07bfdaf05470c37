package com.subscriptions.profiling;

import com.subscriptions.IntegrationTest;
import com.subscriptions.TestUsers;
import org.junit.jupiter.api.Test;

import static com.subscriptions.ApiClient.api;
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
}
