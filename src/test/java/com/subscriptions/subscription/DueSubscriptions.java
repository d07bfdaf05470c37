package com.subscriptions.subscription;

import com.subscriptions.TestDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Subscriptions made due for the lifecycle job, as time passing would, and what the job did with them. */
public final class DueSubscriptions {

    private DueSubscriptions() {
    }

    /** As if the period had ended a minute ago (a trial's end with it). */
    public static void endPeriodInThePast(long subscriptionId) throws Exception {
        try (Connection db = TestDatabase.connect(); PreparedStatement update = db.prepareStatement(
                "UPDATE user_subscriptions SET current_period_start = UTC_TIMESTAMP(6) - INTERVAL 1 MONTH, "
                        + "current_period_end = UTC_TIMESTAMP(6) - INTERVAL 1 MINUTE, "
                        + "trial_end_date = IF(trial_end_date IS NULL, NULL, UTC_TIMESTAMP(6) - INTERVAL 1 MINUTE) "
                        + "WHERE id = ?")) {
            update.setLong(1, subscriptionId);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    /** Each subscription has exactly one renewal event, however many runs of the job saw it due. */
    public static void assertRenewedOnceEach(List<Long> subscriptionIds) throws Exception {
        try (Connection db = TestDatabase.connect(); PreparedStatement query = db.prepareStatement(
                "SELECT COUNT(*) FROM subscription_events WHERE subscription_id = ? AND type = 'renewed'")) {
            for (long id : subscriptionIds) {
                query.setLong(1, id);
                try (ResultSet rs = query.executeQuery()) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("renewals of subscription " + id).isEqualTo(1);
                }
            }
        }
    }
}
