package com.subscriptions;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static com.subscriptions.ApiClient.api;

/**
 * Plans the integration tests need besides the sample catalogue (whose plans have no trial and are all public),
 * created once per run through the admin API.
 */
public final class TestCatalog {

    /** The trial of {@link #trialPlan()}, in days. */
    public static final int TRIAL_DAYS = 14;

    private static Long trialPlan;
    private static Long hiddenPlan;

    private TestCatalog() {
    }

    /** A public monthly plan with a {@value #TRIAL_DAYS}-day trial and room for 10 users. */
    public static synchronized long trialPlan() {
        if (trialPlan == null) {
            trialPlan = create(Map.of("trial_days", TRIAL_DAYS, "max_users", 10));
        }
        return trialPlan;
    }

    /** An active plan that is not public: offered by admins only. */
    public static synchronized long hiddenPlan() {
        if (hiddenPlan == null) {
            hiddenPlan = create(Map.of("is_public", false));
        }
        return hiddenPlan;
    }

    private static long create(Map<String, Object> settings) {
        Map<String, Object> plan = new HashMap<>(settings);
        plan.put("name", "Test plan " + UUID.randomUUID().toString().substring(0, 8));
        plan.put("description", "Made by the integration tests");
        plan.put("price", 19.5);
        return api(TestUsers.admin().tokens().access()).contentType("application/json").body(plan)
                .post("/api/v1/plans").then().statusCode(201).extract().jsonPath().getLong("id");
    }
}
