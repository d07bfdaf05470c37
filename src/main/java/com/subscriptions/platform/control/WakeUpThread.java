package com.subscriptions.platform.control;

import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Wakes a dispatcher after commits, on one thread of its own made by the container's thread factory (so that it may
 * call the container), signalled rather than handed a task: each task handed to Payara's managed executor cost a
 * class-path scan for thread-context providers (JFR: 5–6 % of a write's CPU, the mail's and the webhooks' wake-ups
 * together, although at most one was ever waiting). Commits while a wake-up is pending make no other; one that comes
 * once the wake-up has started reading makes another (the flag is cleared before it reads). A wake-up may linger
 * before it reads, so that it finds the commits of that time together.
 */
public final class WakeUpThread implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(WakeUpThread.class.getName());

    private final AtomicBoolean pending = new AtomicBoolean();
    private final long lingerNanos;
    private final Runnable wake;
    private final Thread thread;
    private volatile boolean open = true;

    /** Started at once. */
    public WakeUpThread(ThreadFactory threads, String name, Duration linger, Runnable wake) {
        this.lingerNanos = linger.toNanos();
        this.wake = wake;
        this.thread = threads.newThread(this::run);
        thread.setName(name);
        thread.setDaemon(true);
        thread.start();
    }

    /** From any thread; costs no more than an atomic flag and an unpark. */
    public void request() {
        if (pending.compareAndSet(false, true)) {
            LockSupport.unpark(thread);
        }
    }

    private void run() {
        while (open) {
            if (!pending.get()) {
                LockSupport.park(this);
                continue;
            }
            if (!lingered()) {
                return; // interrupted: the container is stopping the application
            }
            pending.set(false);
            try {
                wake.run();
            } catch (RuntimeException e) {
                // The dispatcher's own schedule reads within a second; this thread must not end.
                LOG.log(Level.FINE, "A wake-up failed", e);
            }
        }
    }

    /** A sleep, not a park: an unpark by a request while the thread was busy would end a park at once. */
    private boolean lingered() {
        try {
            TimeUnit.NANOSECONDS.sleep(lingerNanos);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Ends the thread, waiting up to 5 s for a wake-up that is reading. */
    @Override
    public void close() {
        open = false;
        LockSupport.unpark(thread);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
