package com.subscriptions.pool.control;

import com.subscriptions.platform.entity.DatabaseUnavailable;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * When a request found the database gone, the pool's connections are dropped (flushed), in the background and at
 * most once every {@link #MIN_INTERVAL_NANOS}: after a database restart they are all dead, and without this each of
 * them would fail one more request. Connections are not validated against the database when lent (see
 * server-config/post-boot-commands): validating the idle connections of a frozen database costs a socket timeout
 * each, in a request's thread.
 * <p>
 * The flush waits for a moment when no connection is lent (up to {@link #IDLE_WAIT_NANOS}; given up otherwise, and
 * the next failure tries again): Payara's flush destroys lent connections too and takes them back as free ones when
 * they are returned, closed, so that its figures count connections that no longer exist (a connection lent between
 * the check and the flush is still lost: Payara offers nothing atomic). A database that refuses new connections
 * because it is full is no outage of the pool's own: nothing is flushed. An outage seen within the
 * interval after a flush is not dropped but flushed at the interval's end: the database may have been lost again.
 */
@ApplicationScoped
public class PoolFlusher {

    private static final long MIN_INTERVAL_NANOS = 1_000_000_000L;
    private static final long IDLE_WAIT_NANOS = 10_000_000_000L;
    private static final long POLL_MILLIS = 100;
    private static final Logger LOG = Logger.getLogger(PoolFlusher.class.getName());

    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile long lastFlush = System.nanoTime() - MIN_INTERVAL_NANOS;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    ConnectionPool pool;

    void flushAfterAnOutage(@Observes DatabaseUnavailable outage) {
        // A database that is only full still serves the pool's connections: dropping them would free nothing and
        // fail the requests that hold them (seen at 1M: a flush a second and 500s while it refused connections).
        if (outage.full() || !pool.available() || !scheduled.compareAndSet(false, true)) {
            return;
        }
        long wait = Math.max(0, lastFlush + MIN_INTERVAL_NANOS - System.nanoTime());
        long giveUpAt = System.nanoTime() + wait + IDLE_WAIT_NANOS;
        scheduler.schedule(() -> flushOnceIdle(giveUpAt), wait, TimeUnit.NANOSECONDS);
    }

    private void flushOnceIdle(long giveUpAt) {
        try {
            if (pool.statistics().inUse() > 0) {
                if (System.nanoTime() < giveUpAt) {
                    scheduler.schedule(() -> flushOnceIdle(giveUpAt), POLL_MILLIS, TimeUnit.MILLISECONDS);
                    return;
                }
                scheduled.set(false);
                LOG.info("Did not flush the connection pool: its connections stayed lent; the next failure tries again");
                return;
            }
            // Cleared first: an outage seen while the pool is being flushed schedules the next flush.
            scheduled.set(false);
            lastFlush = System.nanoTime();
            pool.flush();
            LOG.info("Flushed the connection pool after the database was found unavailable");
        } catch (RuntimeException e) {
            scheduled.set(false);
            LOG.log(Level.WARNING, "Could not flush the connection pool", e);
        }
    }
}
