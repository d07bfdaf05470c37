package com.subscriptions.platform.entity;

import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * A request found the database unreachable or silent (a connection refused, lost or timed out), or full: refusing
 * new connections while those it has still work. Fired where the failure is answered; whoever holds connections to
 * the database observes it (the pool drops its connections, which are probably dead as well, unless the database
 * is only full).
 *
 * @param full the database refused a new connection because it has too many
 */
public record DatabaseUnavailable(boolean full) {

    /** MySQL and MariaDB: too many connections (1040), the account's limit (1203). */
    private static final Set<Integer> FULL = Set.of(1040, 1203);
    /** IronJacamar: "Connection is not associated with a managed connection". */
    private static final String CONNECTION_TAKEN_BACK = "IJ031040";

    /**
     * Whether a failure means the database cannot be reached or did not answer in time (connection refused or lost,
     * the pool's wait or the socket timeout over): SQLState class 08, the driver's connection and timeout exceptions,
     * the container's pool failing to allocate a connection, or WildFly's pool taking back a connection in use
     * because the database dropped the pool's connections (IronJacamar's IJ031040, which has no SQLState). Not a
     * lock conflict or a faulty statement: those say nothing about the database's connections.
     */
    public static boolean isCauseOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException || cause instanceof SQLTimeoutException
                    || cause instanceof SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("08")
                    || cause.getClass().getName().startsWith("jakarta.resource.")
                    || cause.getClass().getSimpleName().equals("PoolingException")
                    || cause instanceof SocketTimeoutException
                    || cause instanceof SQLException sql && sql.getMessage() != null
                    && sql.getMessage().startsWith(CONNECTION_TAKEN_BACK)) {
                return true;
            }
        }
        return false;
    }

    public static DatabaseUnavailable of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // Payara's pool passes the driver's message on in its own exception, without the driver's.
            if (cause instanceof SQLException sql && FULL.contains(sql.getErrorCode())
                    || String.valueOf(cause.getMessage()).contains("Too many connections")) {
                return new DatabaseUnavailable(true);
            }
        }
        return new DatabaseUnavailable(false);
    }
}
