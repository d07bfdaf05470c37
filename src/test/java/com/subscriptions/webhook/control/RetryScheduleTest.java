package com.subscriptions.webhook.control;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RetryScheduleTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void theDefaultSpreadsTwelveAttemptsOverAboutThreeDays() {
        RetrySchedule schedule = RetrySchedule.of(RetrySchedule.DEFAULT_SECONDS);
        assertThat(schedule.retries()).isEqualTo(11);
        Instant at = NOW;
        for (int failed = 1; failed <= schedule.retries(); failed++) {
            at = schedule.next(failed, at).orElseThrow();
        }
        assertThat(Duration.between(NOW, at)).isBetween(Duration.ofHours(60), Duration.ofHours(75));
        assertThat(schedule.next(12, at)).as("spent after twelve attempts").isEmpty();
    }

    @Test
    void eachDelayIsMovedByAtMostTenPercent() {
        RetrySchedule schedule = RetrySchedule.of("100");
        for (int i = 0; i < 200; i++) {
            long millis = Duration.between(NOW, schedule.next(1, NOW).orElseThrow()).toMillis();
            assertThat(millis).isBetween(90_000L, 110_000L);
        }
    }
}
