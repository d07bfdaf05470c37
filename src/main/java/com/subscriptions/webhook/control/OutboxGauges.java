package com.subscriptions.webhook.control;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * An outbox's figures at {@code /metrics}: {@code <prefix>_due}, {@code _pending}, {@code _failed} and
 * {@code _lag_seconds}, read from the database at most every {@link #FRESH_FOR_NANOS} (one query for all four). While
 * the database is away the last figures stand: {@code /metrics} must answer.
 */
public final class OutboxGauges {

    static final long FRESH_FOR_NANOS = 5_000_000_000L;

    private final Supplier<OutboxStatus> read;
    private volatile OutboxStatus status = new OutboxStatus(0, 0, 0, 0);
    private volatile long readAtNanos = System.nanoTime() - FRESH_FOR_NANOS;

    private OutboxGauges(Supplier<OutboxStatus> read) {
        this.read = read;
    }

    /** @param what what the outbox holds, for the descriptions: "webhook deliveries", "mails" */
    public static void register(MeterRegistry metrics, String prefix, String what, Supplier<OutboxStatus> read) {
        OutboxGauges gauges = new OutboxGauges(read);
        gauges.gauge(metrics, prefix + "_due", capitalized(what) + " due now", OutboxStatus::due);
        gauges.gauge(metrics, prefix + "_pending", capitalized(what) + " not yet sent (due or waiting for a retry)",
                OutboxStatus::pending);
        gauges.gauge(metrics, prefix + "_failed", capitalized(what) + " whose retries are spent", OutboxStatus::failed);
        gauges.gauge(metrics, prefix + "_lag_seconds", "How long the oldest due one of the " + what + " has waited",
                OutboxStatus::lagSeconds);
    }

    private static String capitalized(String what) {
        return Character.toUpperCase(what.charAt(0)) + what.substring(1);
    }

    private void gauge(MeterRegistry metrics, String name, String description, ToDoubleFunction<OutboxStatus> figure) {
        Gauge.builder(name, this, gauges -> figure.applyAsDouble(gauges.current())).description(description)
                .register(metrics);
    }

    private OutboxStatus current() {
        if (System.nanoTime() - readAtNanos >= FRESH_FOR_NANOS) {
            try {
                status = read.get();
            } catch (RuntimeException databaseDown) {
                // The last figures stand.
            }
            readAtNanos = System.nanoTime();
        }
        return status;
    }
}
