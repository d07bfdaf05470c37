package com.subscriptions.platform.entity;

import java.sql.SQLException;
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
