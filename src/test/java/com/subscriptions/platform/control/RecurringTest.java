package com.subscriptions.platform.control;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class RecurringTest {

    @Test
    void aRunThatFailsIsFollowedByTheNext() throws InterruptedException {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch third = new CountDownLatch(3);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            // An executor drops a periodic task for good once a run throws; every run here throws.
            scheduler.scheduleWithFixedDelay(Recurring.neverFailing("test job", Duration.ofMillis(10), () -> {
                runs.incrementAndGet();
                third.countDown();
                throw new IllegalStateException("database away");
            }), 0, 10, TimeUnit.MILLISECONDS);
            assertThat(third.await(5, TimeUnit.SECONDS)).isTrue();
        } finally {
            scheduler.shutdownNow();
        }
        assertThat(runs.get()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void anHourlyJobStartsAtItsNextMinuteOfTheHour() {
        Instant tenPast = Instant.parse("2026-12-03T10:10:30Z");
        assertThat(Recurring.untilMinuteOfHour(tenPast, 23)).isEqualTo(Duration.ofSeconds(12 * 60 + 30));
        assertThat(Recurring.untilMinuteOfHour(tenPast, 5)).isEqualTo(Duration.ofSeconds(54 * 60 + 30));
        assertThat(Recurring.untilMinuteOfHour(Instant.parse("2026-12-03T23:59:00Z"), 17))
                .isEqualTo(Duration.ofMinutes(18));
        assertThat(Recurring.untilMinuteOfHour(Instant.parse("2026-12-03T10:23:00Z"), 23)).isZero();
    }
}
