package com.subscriptions.subscription;

import com.subscriptions.IntegrationTest;
import com.subscriptions.TestCatalog;
import com.subscriptions.TestDatabase;
import com.subscriptions.TestUsers;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.subscriptions.ApiClient.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The lifecycle job on periods that ended: the test moves a period end into the past (as time passing would),
 * then runs the job through its admin route.
 */
class LifecycleIT extends IntegrationTest {

    private static RequestSpecification admin() {
        return api(TestUsers.admin().tokens().access()).contentType("application/json");
    }

    private static String user() {
        return TestUsers.login(TestUsers.register()).access();
    }

    private static long subscribe(String user, Map<String, Object> body) {
        return api(user).contentType("application/json").body(body).post("/api/v1/subscriptions").then()
                .statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void endedPeriodsRenewCancelExpireOrEndTheTrial() throws Exception {
        String renewing = user();
        long renewed = subscribe(renewing, Map.of("plan_id", 2));
        api(renewing).contentType("application/json").body(Map.of("plan_id", 3, "at_period_end", true))
                .post("/api/v1/subscriptions/upgrade").then().statusCode(200);
        String canceling = user();
        long canceled = subscribe(canceling, Map.of("plan_id", 2));
        api(canceling).contentType("application/json").body(Map.of()).post("/api/v1/subscriptions/cancel")
                .then().statusCode(200);
        String lapsing = user();
        long expired = subscribe(lapsing, Map.of("plan_id", 2, "auto_renew", false));
        String trying = user();
        long trial = subscribe(trying, Map.of("plan_id", TestCatalog.trialPlan(), "trial_days", 7));
        for (long id : new long[]{renewed, canceled, expired, trial}) {
            DueSubscriptions.endPeriodInThePast(id);
        }

        admin().post("/api/admin/lifecycle/run").then().statusCode(200);

        api(renewing).get("/api/v1/subscriptions/active").then().statusCode(200)
                .body("plan_id", equalTo(3)).body("pending_plan_id", equalTo(null));
        api(canceling).get("/api/v1/subscriptions/history").then().body("subscriptions[0].status", equalTo("canceled"));
        api(lapsing).get("/api/v1/subscriptions/history").then().body("subscriptions[0].status", equalTo("expired"));
        api(trying).get("/api/v1/subscriptions/active").then().statusCode(200)
                .body("status", equalTo("active")).body("payment_status", equalTo("paid"));
        api(renewing).get("/api/v1/subscriptions/events").then().body("events[0].type", equalTo("renewed"))
                .body("events[0].from_plan_id", equalTo(2)).body("events[0].to_plan_id", equalTo(3));
        api(trying).get("/api/v1/subscriptions/events").then().body("events[0].type", equalTo("trial_ended"));

        // Running again changes nothing more.
        long events = countEvents(List.of(renewed, canceled, expired, trial));
        admin().post("/api/admin/lifecycle/run").then().statusCode(200);
        assertThat(countEvents(List.of(renewed, canceled, expired, trial))).isEqualTo(events);
    }

    @Test
    void twoConcurrentRunsAdvanceEverySubscriptionExactlyOnce() throws Exception {
        List<Long> due = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            long id = subscribe(user(), Map.of("plan_id", 2));
            DueSubscriptions.endPeriodInThePast(id);
            due.add(id);
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> run = () -> admin().post("/api/admin/lifecycle/run").then().statusCode(200)
                    .extract().path("transitions");
            List<Future<Integer>> runs = pool.invokeAll(List.of(run, run));
            int transitions = runs.get(0).get() + runs.get(1).get();
            assertThat(transitions).isGreaterThanOrEqualTo(30);
        } finally {
            pool.shutdown();
        }
        DueSubscriptions.assertRenewedOnceEach(due);
    }

    @Test
    void onlyAdminsRunTheJob() {
        api(user()).post("/api/admin/lifecycle/run").then().statusCode(403);
    }

    private static long countEvents(List<Long> subscriptionIds) throws Exception {
        try (Connection db = TestDatabase.connect(); PreparedStatement query = db.prepareStatement(
                "SELECT COUNT(*) FROM subscription_events WHERE subscription_id IN (?, ?, ?, ?)")) {
            for (int i = 0; i < 4; i++) {
                query.setLong(i + 1, subscriptionIds.get(i));
            }
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
