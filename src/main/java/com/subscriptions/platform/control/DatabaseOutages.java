package com.subscriptions.platform.control;

import com.subscriptions.platform.entity.DatabaseUnavailable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * When the database was last found unavailable (by a request or a background job). Background jobs that poll every
 * second (the outbox dispatchers) hold back for {@link #QUIET_NANOS} after that: during an outage each poll would hold
 * a pooled connection for the socket timeout, and while the pool is flushed (PoolFlusher) such connections came back
 * to it closed.
 */
@ApplicationScoped
public class DatabaseOutages {

    static final long QUIET_NANOS = 10_000_000_000L;

    private volatile long lastSeen = System.nanoTime() - QUIET_NANOS;

    void seen(@Observes DatabaseUnavailable outage) {
        lastSeen = System.nanoTime();
    }

    /** Whether the database was found unavailable within the last ten seconds. */
    public boolean recentlyUnavailable() {
        return System.nanoTime() - lastSeen < QUIET_NANOS;
    }
}
