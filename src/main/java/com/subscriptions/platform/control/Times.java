package com.subscriptions.platform.control;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The contract's datetimes are UTC with whole seconds ({@code 2026-01-31T12:00:00Z}). */
public final class Times {

    private Times() {
    }

    public static Instant seconds(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS);
    }
}
