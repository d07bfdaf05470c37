package com.subscriptions.platform.control;

import com.subscriptions.platform.entity.DatabaseUnavailable;
import com.subscriptions.platform.entity.LockConflict;
import jakarta.ejb.EJBContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;

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

    /** A poll that fails on a dead connection tells the pool to drop its connections, as a failed request does. */
    @Inject
    Event<DatabaseUnavailable> found;

    void seen(@Observes DatabaseUnavailable outage) {
        lastSeen = System.nanoTime();
    }

    /** Whether the database was found unavailable within the last ten seconds. */
    public boolean recentlyUnavailable() {
        return System.nanoTime() - lastSeen < QUIET_NANOS;
    }

    /**
     * A background job's poll failed. A lost race is thrown again (logged; the next tick tries again). Anything else
     * is taken for an outage and reported, and the job's transaction is rolled back quietly: every tick fails while
     * the database is away (thrown, the container would log an error each second); outbox_lag_seconds and readiness
     * show the outage.
     */
    public void pollFailed(PersistenceException failure, EJBContext job) {
        if (LockConflict.isCauseOf(failure)) {
            throw failure;
        }
        job.setRollbackOnly();
        found.fire(DatabaseUnavailable.of(failure));
    }
}
