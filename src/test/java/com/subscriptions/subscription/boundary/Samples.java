package com.subscriptions.subscription.boundary;

import com.subscriptions.plan.control.PlanView;
import com.subscriptions.platform.entity.JsonP;
import com.subscriptions.subscription.control.SubscriptionView;

import java.math.BigDecimal;
import java.time.Instant;

/** Views as the reads make them, for the JSON tests of the boundary's records. */
final class Samples {

    static final String PLAN_JSON = "{\"id\":3,\"name\":\"Pro\",\"description\":\"For teams\",\"price\":29.99,"
            + "\"currency\":\"USD\",\"interval\":\"monthly\",\"duration_months\":1,"
            + "\"features\":{\"storage\":50,\"projects\":20,\"users\":10},\"status\":\"active\",\"is_public\":true,"
            + "\"max_users\":null,\"parent_id\":null,\"sort_order\":3,\"trial_days\":0,"
            + "\"created_at\":\"2024-01-01T00:00:00Z\",\"updated_at\":\"2024-01-02T00:00:00Z\"}";

    /** The members of {@link #subscription(Long)} with no pending plan, without the closing brace. */
    static final String SUBSCRIPTION_MEMBERS = "{\"id\":7,\"user_id\":42,\"plan_id\":3,\"status\":\"active\","
            + "\"start_date\":\"2024-03-01T10:00:00Z\",\"end_date\":null,\"trial_end_date\":null,\"canceled_at\":null,"
            + "\"current_period_start\":\"2024-03-01T10:00:00Z\",\"current_period_end\":\"2024-04-01T10:00:00Z\","
            + "\"payment_status\":\"paid\",\"quantity\":1,\"cancel_at_period_end\":true,\"auto_renew\":false,"
            + "\"pending_plan_id\":null,\"created_at\":\"2024-03-01T10:00:00Z\","
            + "\"updated_at\":\"2024-03-05T08:30:00Z\",\"plan\":" + PLAN_JSON;

    private Samples() {
    }

    static PlanView plan() {
        return new PlanView(3, "Pro", "For teams", new BigDecimal("29.99"), "USD", "monthly", 1,
                JsonP.parseObject("{\"storage\":50,\"projects\":20,\"users\":10}"), "active", true, null, null, 3, 0,
                Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-01-02T00:00:00Z"));
    }

    static SubscriptionView subscription(Long pendingPlanId) {
        Instant start = Instant.parse("2024-03-01T10:00:00Z");
        return new SubscriptionView(7, 42, 3, "active", start, null, null, null, start,
                Instant.parse("2024-04-01T10:00:00Z"), "paid", 1, true, false, pendingPlanId, start,
                Instant.parse("2024-03-05T08:30:00Z"), plan());
    }
}
