package com.subscriptions.pool.control;

import com.subscriptions.platform.entity.DatabaseUnavailable;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * When a request found the database gone, the pool's connections are dropped (flushed), in the background and at
 * most once every {@link #MIN_INTERVAL_NANOS}: after a database restart they are all dead, and without this each of
 * them would fail one more request. Connections are not validated when lent (see server-config/post-boot-commands):
 * validating the idle connections of a frozen database costs a socket timeout each, in a request's thread.
 */
@ApplicationScoped
public class PoolFlusher {

    private static final long MIN_INTERVAL_NANOS = 5_000_000_000L;
    private static final Logger LOG = Logger.getLogger(PoolFlusher.class.getName());

    private final AtomicLong lastFlush = new AtomicLong(System.nanoTime() - MIN_INTERVAL_NANOS);

    @Resource
    ManagedExecutorService executor;

    @Inject
    ConnectionPool pool;

    void flushAfterAnOutage(@Observes DatabaseUnavailable outage) {
        long last = lastFlush.get();
        long now = System.nanoTime();
        if (!pool.available() || now - last < MIN_INTERVAL_NANOS || !lastFlush.compareAndSet(last, now)) {
            return;
        }
        executor.execute(() -> {
            try {
                pool.flush();
                LOG.info("Flushed the connection pool after the database was found unavailable");
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not flush the connection pool", e);
            }
        });
    }
}
