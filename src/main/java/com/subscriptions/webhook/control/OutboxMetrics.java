package com.subscriptions.webhook.control;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.function.ToDoubleFunction;

/**
 * The outbox at {@code /metrics}: {@code outbox_due}, {@code outbox_pending}, {@code outbox_failed} and
 * {@code outbox_lag_seconds}, read from the database at most every {@link #FRESH_FOR_NANOS} (one query for all four);
 * delivery attempts by result are {@code webhook_deliveries_total{result}} ({@link DeliveryBatch}).
 */
@ApplicationScoped
public class OutboxMetrics {

    static final long FRESH_FOR_NANOS = 5_000_000_000L;

    @Inject
    MeterRegistry metrics;

    @Inject
    WebhookEndpoints webhooks;

    private volatile OutboxStatus status = new OutboxStatus(0, 0, 0, 0);
    private volatile long readAtNanos = System.nanoTime() - FRESH_FOR_NANOS;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        gauge("outbox_due", "Webhook deliveries due now", OutboxStatus::due);
        gauge("outbox_pending", "Webhook deliveries not yet delivered (due or waiting for a retry)",
                OutboxStatus::pending);
        gauge("outbox_failed", "Webhook deliveries whose retries are spent", OutboxStatus::failed);
        gauge("outbox_lag_seconds", "How long the oldest due webhook delivery has waited", OutboxStatus::lagSeconds);
    }

    private void gauge(String name, String description, ToDoubleFunction<OutboxStatus> figure) {
        Gauge.builder(name, this, metricsBean -> figure.applyAsDouble(metricsBean.current()))
                .description(description).register(metrics);
    }

    private OutboxStatus current() {
        if (System.nanoTime() - readAtNanos >= FRESH_FOR_NANOS) {
            try {
                status = webhooks.outboxStatus();
            } catch (RuntimeException databaseDown) {
                // The last figures stand; /metrics must answer while the database is away.
            }
            readAtNanos = System.nanoTime();
        }
        return status;
    }
}
