package com.subscriptions.platform.control;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class RecurringTest {

    private final Recurring recurring = new Recurring();

    RecurringTest() {
        recurring.clock = Clock.systemUTC();
        recurring.threads = new ManagedThreadFactory() {
            @Override
            public Thread newThread(Runnable task) {
                return new Thread(task);
            }

            @Override
            public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
                throw new UnsupportedOperationException();
            }
        };
    }

    @AfterEach
    void stop() {
        recurring.stopAll();
    }

    @Test
    void aRunThatFailsIsFollowedByTheNext() throws InterruptedException {
        CountDownLatch third = new CountDownLatch(3);
        recurring.every(Duration.ofMillis(10), "failing job", () -> {
            third.countDown();
            throw new IllegalStateException("database away");
        });
        assertThat(third.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aJobThatTakesLongHoldsUpNoOther() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        recurring.every(Duration.ofMillis(10), "lifecycle job on a backlog", () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        CountDownLatch fiveTicks = new CountDownLatch(5);
        recurring.every(Duration.ofMillis(10), "tick", fiveTicks::countDown);
        assertThat(fiveTicks.await(5, TimeUnit.SECONDS)).isTrue();
        release.countDown();
    }

    @Test
    void stoppedJobsRunNoMore() throws InterruptedException {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch first = new CountDownLatch(1);
        recurring.every(Duration.ofMillis(10), "tick", () -> {
            runs.incrementAndGet();
            first.countDown();
        });
        assertThat(first.await(5, TimeUnit.SECONDS)).isTrue();
        recurring.stopAll();
        Thread.sleep(50);
        int afterStop = runs.get();
        Thread.sleep(200);
        assertThat(runs.get()).isEqualTo(afterStop);
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
