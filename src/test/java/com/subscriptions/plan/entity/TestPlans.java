package com.subscriptions.plan.entity;

import java.lang.reflect.Field;
import java.math.BigDecimal;

/** Plans for unit tests, as if loaded from the database (JPA sets their fields the same way). */
public final class TestPlans {

    private TestPlans() {
    }

    public static SubscriptionPlan plan(long id, String price, BillingInterval interval, PlanStatus status) {
        SubscriptionPlan plan = new SubscriptionPlan();
        set(plan, "id", id);
        set(plan, "price", new BigDecimal(price));
        set(plan, "currency", "USD");
        set(plan, "interval", interval);
        set(plan, "durationMonths", 1);
        set(plan, "status", status);
        return plan;
    }

    public static SubscriptionPlan monthly(long id, String price) {
        return plan(id, price, BillingInterval.MONTHLY, PlanStatus.ACTIVE);
    }

    private static void set(Object target, String field, Object value) {
        try {
            Field f = SubscriptionPlan.class.getDeclaredField(field);
            f.setAccessible(true);
            f.set(target, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
