package com.subscriptions.subscription.control;

import com.subscriptions.subscription.control.SubscriptionDefinitions.Language;
import com.subscriptions.subscription.entity.SubscriptionStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** The definitions render the very text the versions' queries held before they were stated once. */
class SubscriptionDefinitionsTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Instant UNTIL = Instant.parse("2026-03-08T12:00:00Z");

    @Test
    void liveInSqlIsALiteralListAndInJpqlABoundOne() {
        assertThat(SubscriptionDefinitions.live(Language.SQL, "s").text()).isEqualTo("s.status IN ('trial', 'active')");
        assertThat(SubscriptionDefinitions.live(Language.SQL, null).text()).isEqualTo("status IN ('trial', 'active')");
        assertThat(SubscriptionDefinitions.live(Language.SQL, "s").parameters()).isEmpty();
        assertThat(SubscriptionDefinitions.live(Language.JPQL, "s").text()).isEqualTo("s.status IN ?");
        assertThat(SubscriptionDefinitions.live(Language.JPQL, "s").parameters())
                .containsExactly(SubscriptionStatus.LIVE);
    }

    @Test
    void endingWithoutRenewalInBothLanguages() {
        SubscriptionDefinitions.Condition sql = SubscriptionDefinitions.endingWithoutRenewal(Language.SQL, "s", NOW,
                UNTIL);
        assertThat(sql.text()).isEqualTo("s.status IN ('trial', 'active') AND s.current_period_end BETWEEN ? AND ? "
                + "AND (s.auto_renew = FALSE OR s.cancel_at_period_end = TRUE)");
        assertThat(sql.parameters()).containsExactly(LocalDateTime.parse("2026-03-01T12:00"),
                LocalDateTime.parse("2026-03-08T12:00"));
        SubscriptionDefinitions.Condition jpql = SubscriptionDefinitions.endingWithoutRenewal(Language.JPQL, "s", NOW,
                UNTIL);
        assertThat(jpql.text()).isEqualTo("s.status IN ? AND s.currentPeriodEnd BETWEEN ? AND ? "
                + "AND (s.autoRenew = FALSE OR s.cancelAtPeriodEnd = TRUE)");
        assertThat(jpql.parameters()).containsExactly(SubscriptionStatus.LIVE, NOW, UNTIL);
    }

    @Test
    void inPeriod() {
        assertThat(SubscriptionDefinitions.inPeriod(Language.SQL, "s", NOW).text())
                .isEqualTo("(s.current_period_end IS NULL OR s.current_period_end > ?)");
        assertThat(SubscriptionDefinitions.inPeriod(null, NOW)).isTrue();
        assertThat(SubscriptionDefinitions.inPeriod(NOW, NOW)).isFalse();
        assertThat(SubscriptionDefinitions.inPeriod(UNTIL, NOW)).isTrue();
    }

    @Test
    void theStatsInTheRecordsOrderEachItsBucketsAndItsEdges() {
        Instant now = Instant.parse("2026-03-01T12:34:56Z");
        var sql = SubscriptionDefinitions.stats(Language.SQL, "c", "s", now);
        assertThat(sql.keySet()).containsExactly("activeCount", "trialCount", "expiringSoonCount", "newCount",
                "recentlyCanceledCount");
        assertThat(sql.get("activeCount").counted().text()).isEqualTo("c.metric = ?");
        assertThat(sql.get("activeCount").counted().parameters()).containsExactly("active");
        assertThat(sql.get("activeCount").edges()).isNull();
        assertThat(sql.get("trialCount").counted().parameters()).containsExactly("trial");

        // Expiring within 7 days: the whole hours from 13:00 to 12:00 a week later, the partial ones counted exactly.
        var expiring = sql.get("expiringSoonCount");
        assertThat(expiring.counted().text()).isEqualTo("c.metric = ? AND c.bucket >= ? AND c.bucket < ?");
        assertThat(expiring.counted().parameters()).containsExactly("ending", LocalDateTime.parse("2026-03-01T13:00"),
                LocalDateTime.parse("2026-03-08T12:00"));
        assertThat(expiring.edges().text()).isEqualTo("s.status IN ('trial', 'active') AND s.current_period_end "
                + "BETWEEN ? AND ? AND (s.auto_renew = FALSE OR s.cancel_at_period_end = TRUE) "
                + "AND (s.current_period_end < ? OR s.current_period_end >= ?)");
        assertThat(expiring.edges().parameters()).containsExactly(LocalDateTime.parse("2026-03-01T12:34:56"),
                LocalDateTime.parse("2026-03-08T12:34:56"), LocalDateTime.parse("2026-03-01T13:00"),
                LocalDateTime.parse("2026-03-08T12:00"));

        // New within 7 days, canceled within 14: every hour from the first whole one, the partial hour exactly.
        assertThat(sql.get("newCount").counted().parameters()).containsExactly("created",
                LocalDateTime.parse("2026-02-22T13:00"));
        assertThat(sql.get("newCount").edges().text()).isEqualTo("s.created_at >= ? AND s.created_at < ?");
        assertThat(sql.get("newCount").edges().parameters()).containsExactly(
                LocalDateTime.parse("2026-02-22T12:34:56"), LocalDateTime.parse("2026-02-22T13:00"));
        assertThat(sql.get("recentlyCanceledCount").counted().parameters()).containsExactly("canceled",
                LocalDateTime.parse("2026-02-15T13:00"));
        assertThat(sql.get("recentlyCanceledCount").edges().text())
                .isEqualTo("s.canceled_at >= ? AND s.canceled_at < ?");

        var jpql = SubscriptionDefinitions.stats(Language.JPQL, "c", "s", now);
        assertThat(jpql.get("newCount").edges().text()).isEqualTo("s.createdAt >= ? AND s.createdAt < ?");
        assertThat(jpql.get("newCount").counted().parameters()).containsExactly("created",
                Instant.parse("2026-02-22T13:00:00Z"));
    }

    @Test
    void aFigureIsOneExpressionItsBucketsSumPlusItsEdgesCount() {
        Instant now = Instant.parse("2026-03-01T12:34:56Z");
        var figures = SubscriptionDefinitions.stats(Language.SQL, "c", "s", now);
        SubscriptionDefinitions.Condition active = SubscriptionDefinitions.expression(Language.SQL,
                figures.get("activeCount"), "c", "s");
        assertThat(active.text()).isEqualTo(
                "(SELECT COALESCE(SUM(c.n), 0) FROM subscription_counts c WHERE c.metric = ?)");
        SubscriptionDefinitions.Condition created = SubscriptionDefinitions.expression(Language.JPQL,
                SubscriptionDefinitions.stats(Language.JPQL, "c", "s", now).get("newCount"), "c", "s");
        assertThat(created.text()).isEqualTo("(SELECT COALESCE(SUM(c.n), 0) FROM SubscriptionCount c "
                + "WHERE c.metric = ? AND c.bucket >= ?) + (SELECT COUNT(s) FROM UserSubscription s "
                + "WHERE s.createdAt >= ? AND s.createdAt < ?)");
        assertThat(created.parameters()).containsExactly("created", Instant.parse("2026-02-22T13:00:00Z"),
                Instant.parse("2026-02-22T12:34:56Z"), Instant.parse("2026-02-22T13:00:00Z"));
    }

    @Test
    void aWindowThatStartsOnTheHourHasNoPartialHour() {
        Instant now = Instant.parse("2026-03-01T12:00:00Z");
        var newCount = SubscriptionDefinitions.stats(Language.SQL, "c", "s", now).get("newCount");
        assertThat(newCount.counted().parameters()).containsExactly("created", LocalDateTime.parse("2026-02-22T12:00"));
        assertThat(newCount.edges().parameters()).containsExactly(LocalDateTime.parse("2026-02-22T12:00"),
                LocalDateTime.parse("2026-02-22T12:00"));
        assertThat(SubscriptionDefinitions.ceilHour(now)).isEqualTo(now);
        assertThat(SubscriptionDefinitions.floorHour(now.plusSeconds(3599))).isEqualTo(now);
        assertThat(SubscriptionDefinitions.ceilHour(now.plusNanos(1000))).isEqualTo(now.plusSeconds(3600));
    }
}
