package com.subscriptions.platform.control;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class WakeUpThreadTest {

    private final AtomicInteger wakes = new AtomicInteger();
    private final Semaphore woken = new Semaphore(0);
    private WakeUpThread wakeUp;

    @AfterEach
    void close() {
        if (wakeUp != null) {
            wakeUp.close();
        }
    }

    private WakeUpThread start(Duration linger, Runnable wake) {
        wakeUp = new WakeUpThread(Executors.defaultThreadFactory(), "test-wake-up", linger, wake);
        return wakeUp;
    }

    @Test
    void commitsWhileAWakeUpIsPendingMakeNoOther() throws InterruptedException {
        start(Duration.ofMillis(200), this::countWake);
        for (int i = 0; i < 50; i++) {
            wakeUp.request();
        }
        assertThat(woken.tryAcquire(5, TimeUnit.SECONDS)).isTrue();
        assertThat(woken.tryAcquire(500, TimeUnit.MILLISECONDS)).as("a second wake-up").isFalse();
        assertThat(wakes).hasValue(1);
    }

    @Test
    void aCommitWhileTheWakeUpReadsMakesAnother() throws InterruptedException {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch committed = new CountDownLatch(1);
        start(Duration.ZERO, () -> {
            if (wakes.incrementAndGet() == 1) {
                reading.countDown();
                await(committed); // a commit now: this read may not see its rows
            }
            woken.release();
        });
        wakeUp.request();
        assertThat(reading.await(5, TimeUnit.SECONDS)).isTrue();
        wakeUp.request();
        committed.countDown();
        assertThat(woken.tryAcquire(2, 5, TimeUnit.SECONDS)).isTrue();
        assertThat(wakes).hasValue(2);
    }

    @Test
    void aLingeringWakeUpReadsOnlyOnceItsLingerIsOver() throws InterruptedException {
        AtomicLong readAt = new AtomicLong();
        start(Duration.ofMillis(200), () -> {
            readAt.set(System.nanoTime());
            woken.release();
        });
        long requested = System.nanoTime();
        wakeUp.request();
        assertThat(woken.tryAcquire(5, TimeUnit.SECONDS)).isTrue();
        assertThat(readAt.get() - requested).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(200));
    }

    /** Under load requests come while the thread reads: the next wake-up lingers all the same (it parked first). */
    @Test
    void aRequestWhileTheThreadReadsLingersToo() throws InterruptedException {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch released = new CountDownLatch(1);
        AtomicLong secondReadAt = new AtomicLong();
        start(Duration.ofMillis(200), () -> {
            if (wakes.incrementAndGet() == 1) {
                reading.countDown();
                await(released);
            } else {
                secondReadAt.set(System.nanoTime());
            }
            woken.release();
        });
        wakeUp.request();
        assertThat(reading.await(5, TimeUnit.SECONDS)).isTrue();
        wakeUp.request();
        long releasedAt = System.nanoTime();
        released.countDown();
        assertThat(woken.tryAcquire(2, 5, TimeUnit.SECONDS)).isTrue();
        assertThat(secondReadAt.get() - releasedAt).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(200));
    }

    @Test
    void aFailingWakeUpDoesNotEndTheThread() throws InterruptedException {
        start(Duration.ZERO, () -> {
            woken.release();
            throw new IllegalStateException("database away");
        });
        wakeUp.request();
        assertThat(woken.tryAcquire(5, TimeUnit.SECONDS)).isTrue();
        wakeUp.request();
        assertThat(woken.tryAcquire(5, TimeUnit.SECONDS)).as("woken after a failure").isTrue();
    }

    @Test
    void closingEndsTheThread() throws InterruptedException {
        start(Duration.ZERO, this::countWake);
        wakeUp.close();
        wakeUp.request();
        assertThat(woken.tryAcquire(300, TimeUnit.MILLISECONDS)).isFalse();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("test-wake-up"));
    }

    private void countWake() {
        wakes.incrementAndGet();
        woken.release();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
