package com.subscriptions.platform.entity;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;

import java.sql.SQLException;

/** A statement that lost a race with another transaction (a deadlock, a lock wait, a version check). */
public final class LockConflict {

    /** SQLState of a serialization failure: MySQL and MariaDB report a deadlock with it. */
    private static final String SERIALIZATION_FAILURE = "40001";

    private LockConflict() {
    }

    /**
     * Whether the failure, or one of its causes, is a lost race. It says nothing about the database's connections:
     * a request that meets one may simply be retried (409), a job's claim is retried by its next tick and must not be
     * taken for an outage (which flushes the pool).
     */
    public static boolean isCauseOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException || cause instanceof PessimisticLockException
                    || cause instanceof LockTimeoutException
                    || cause instanceof SQLException sql && SERIALIZATION_FAILURE.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
