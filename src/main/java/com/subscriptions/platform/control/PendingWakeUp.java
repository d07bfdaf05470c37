package com.subscriptions.platform.control;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A dispatcher's wake-up handed to the container's executor after a commit, with at most one waiting: under load most
 * commits find one already waiting, which will read what they wrote (the flag is cleared before the wake-up reads).
 * Each hand-over costs Payara a class-path scan for thread-context providers (about 6 % of a write's CPU when every
 * commit handed one over). A wake-up may linger before it reads, so that it finds the commits of that time together.
 */
public final class PendingWakeUp {

    private final AtomicBoolean waiting = new AtomicBoolean();
    private final long lingerMillis;

    public PendingWakeUp() {
        this(Duration.ZERO);
    }

    public PendingWakeUp(Duration linger) {
        this.lingerMillis = linger.toMillis();
    }

    /** A refused hand-over (the executor is busy) is left to the dispatcher's timer, within a second. */
    public void request(Executor executor, Runnable wake) {
        if (!waiting.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(() -> {
                boolean lingered = lingered(); // interrupted: the dispatcher's timer reads within a second
                waiting.set(false);
                if (lingered) {
                    wake.run();
                }
            });
        } catch (RejectedExecutionException busy) {
            waiting.set(false);
        }
    }

    private boolean lingered() {
        try {
            Thread.sleep(lingerMillis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
