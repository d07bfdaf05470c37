package com.subscriptions.platform.control;

import java.sql.SQLIntegrityConstraintViolationException;

/** Tells which database constraint refused a write, so that only the expected refusal becomes a 409. */
public final class Constraints {

    private Constraints() {
    }

    public static boolean violated(Throwable failure, String constraintName) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLIntegrityConstraintViolationException violation
                    && violation.getMessage() != null && violation.getMessage().contains(constraintName)) {
                return true;
            }
        }
        return false;
    }
}
