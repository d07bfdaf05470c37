package com.subscriptions.platform.control;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A job that runs on one thread at a time however often it is asked for (a schedule and wake-ups after commits): a
 * request during a run makes the run go round once more instead of starting another. A failing round ends the run
 * and is logged at most once a minute (a database outage would fail every second). A request that arrives just as a
 * run ends may be missed: the caller's schedule is the safety net.
 */
public final class CoalescedRuns {

    private static final long WARN_EVERY_NANOS = 60_000_000_000L;

    private final Logger log;
    private final String failure;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    /** Only the one running thread touches it. */
    private long lastWarning = System.nanoTime() - WARN_EVERY_NANOS;

    /** @param failure what a failed round means, for the warning ("Could not send mail; trying every second") */
    public CoalescedRuns(Logger log, String failure) {
        this.log = log;
        this.failure = failure;
    }

    /** @param round one round of the job; true when there may be more to do at once */
    public void request(BooleanSupplier round) {
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        try {
            do {
                again.set(false);
                if (round.getAsBoolean()) {
                    again.set(true);
                }
            } while (again.get());
        } catch (RuntimeException e) {
            long now = System.nanoTime();
            if (now - lastWarning > WARN_EVERY_NANOS) {
                lastWarning = now;
                log.log(Level.WARNING, failure + ": " + e);
            }
        } finally {
            running.set(false);
        }
    }
}
