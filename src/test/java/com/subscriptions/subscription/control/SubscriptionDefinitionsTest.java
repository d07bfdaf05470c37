package com.subscriptions.subscription.control;

import com.subscriptions.subscription.control.SubscriptionDefinitions.Language;
import com.subscriptions.subscription.entity.SubscriptionStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

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
    void theStatsInTheRecordsOrderWithTheirWindows() {
        var sql = SubscriptionDefinitions.stats(Language.SQL, "s", NOW);
        assertThat(sql.keySet()).containsExactly("activeCount", "trialCount", "expiringSoonCount", "newCount",
                "recentlyCanceledCount");
        assertThat(sql.values().stream().map(SubscriptionDefinitions.Condition::text).toList()).containsExactly(
                "s.status = 'active'", "s.status = 'trial'",
                "s.status IN ('trial', 'active') AND s.current_period_end BETWEEN ? AND ? "
                        + "AND (s.auto_renew = FALSE OR s.cancel_at_period_end = TRUE)",
                "s.created_at >= ?", "s.canceled_at >= ?");
        assertThat(sql.values().stream().flatMap(c -> c.parameters().stream()).toList()).containsExactly(
                LocalDateTime.parse("2026-03-01T12:00"), LocalDateTime.parse("2026-03-08T12:00"),
                LocalDateTime.parse("2026-02-22T12:00"), LocalDateTime.parse("2026-02-15T12:00"));
        var jpql = SubscriptionDefinitions.stats(Language.JPQL, "s", NOW);
        assertThat(jpql.values().stream().flatMap(c -> c.parameters().stream()).toList()).isEqualTo(List.of(
                SubscriptionStatus.ACTIVE, SubscriptionStatus.TRIAL, SubscriptionStatus.LIVE, NOW, UNTIL,
                Instant.parse("2026-02-22T12:00:00Z"), Instant.parse("2026-02-15T12:00:00Z")));
    }
}
