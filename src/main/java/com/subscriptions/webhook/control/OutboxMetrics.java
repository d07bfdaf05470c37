package com.subscriptions.webhook.control;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The webhook outbox at {@code /metrics}: {@code outbox_due}, {@code outbox_pending}, {@code outbox_failed} and
 * {@code outbox_lag_seconds} ({@link OutboxGauges}); delivery attempts by result are
 * {@code webhook_deliveries_total{result}} ({@link DeliveryBatch}).
 */
@ApplicationScoped
public class OutboxMetrics {

    @Inject
    MeterRegistry metrics;

    @Inject
    WebhookEndpoints webhooks;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        OutboxGauges.register(metrics, "outbox", "webhook deliveries", webhooks::outboxStatus);
    }
}
