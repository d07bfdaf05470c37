package com.subscriptions.platform.entity;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.PersistenceException;

/** A statement that lost a race with another transaction (a deadlock, a lock wait, a version check). */
public final class LockConflict {

    private LockConflict() {
    }

    /**
     * Whether the failure is a lost race, which says nothing about the database's connections: a job's claim that
     * meets one is retried by its next tick, and must not be taken for an outage (which flushes the pool).
     */
    public static boolean is(PersistenceException failure) {
        return failure instanceof OptimisticLockException || failure instanceof PessimisticLockException
                || failure instanceof LockTimeoutException;
    }
}
