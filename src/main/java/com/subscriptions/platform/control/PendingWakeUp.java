package com.subscriptions.platform.control;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A dispatcher's wake-up handed to the container's executor after a commit, with at most one waiting: under load most
 * commits find one already waiting, which will read what they wrote (the flag is cleared before the wake-up reads).
 * Each hand-over costs Payara a class-path scan for thread-context providers (about 6 % of a write's CPU when every
 * commit handed one over).
 */
public final class PendingWakeUp {

    private final AtomicBoolean waiting = new AtomicBoolean();

    /** A refused hand-over (the executor is busy) is left to the dispatcher's timer, within a second. */
    public void request(Executor executor, Runnable wake) {
        if (!waiting.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(() -> {
                waiting.set(false);
                wake.run();
            });
        } catch (RejectedExecutionException busy) {
            waiting.set(false);
        }
    }
}
