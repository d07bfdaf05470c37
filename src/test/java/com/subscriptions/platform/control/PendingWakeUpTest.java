package com.subscriptions.platform.control;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PendingWakeUpTest {

    private final List<Runnable> handedOver = new ArrayList<>();
    private final Executor queueing = handedOver::add;
    private final AtomicInteger wakes = new AtomicInteger();
    private final PendingWakeUp wakeUp = new PendingWakeUp();

    @Test
    void commitsWhileOneWakeUpWaitsHandOverNothingMore() {
        wakeUp.request(queueing, wakes::incrementAndGet);
        wakeUp.request(queueing, wakes::incrementAndGet);
        wakeUp.request(queueing, wakes::incrementAndGet);

        assertEquals(1, handedOver.size());
        handedOver.get(0).run();
        assertEquals(1, wakes.get());
    }

    @Test
    void aCommitOnceTheWakeUpHasStartedHandsOverAnother() {
        wakeUp.request(queueing, () -> {
            wakes.incrementAndGet();
            // A commit while the wake-up reads: it may not see that commit's rows, so another must follow.
            wakeUp.request(queueing, wakes::incrementAndGet);
        });
        handedOver.get(0).run();

        assertEquals(2, handedOver.size());
        handedOver.get(1).run();
        assertEquals(2, wakes.get());
    }

    @Test
    void aRefusedHandOverDoesNotBlockTheNext() {
        wakeUp.request(task -> {
            throw new RejectedExecutionException("busy");
        }, wakes::incrementAndGet);
        wakeUp.request(queueing, wakes::incrementAndGet);

        assertEquals(1, handedOver.size());
    }

    @Test
    void aLingeringWakeUpReadsOnlyOnceItsLingerIsOver() {
        PendingWakeUp lingering = new PendingWakeUp(Duration.ofMillis(200));
        lingering.request(queueing, wakes::incrementAndGet);
        long start = System.nanoTime();
        handedOver.get(0).run();

        assertTrue(System.nanoTime() - start >= 200_000_000L, "read before its linger was over");
        assertEquals(1, wakes.get());
        lingering.request(queueing, wakes::incrementAndGet);
        assertEquals(2, handedOver.size(), "a commit after the wake-up read hands over another");
    }
}
