package com.subscriptions.webhook.control;

import com.subscriptions.webhook.entity.Delivery;
import com.subscriptions.webhook.entity.OutboxEvent;

import java.time.Instant;

/**
 * One event for one endpoint, as the delivery log shows it: {@code status} pending (due at {@code next_attempt_at}),
 * delivered or failed (its retries spent); the last attempt's status code and error.
 */
public record DeliveryView(long id, String messageId, String eventType, Integer sequence, long endpointId,
                           String status, int attempts, Instant nextAttemptAt, Instant lastAttemptAt,
                           Integer lastStatus, String lastError, Instant createdAt, Instant deliveredAt) {

    public static DeliveryView of(Delivery delivery, OutboxEvent event) {
        return new DeliveryView(delivery.id(), event.messageId(), event.type(), event.sequence(),
                delivery.endpointId(), delivery.status(), delivery.attempts(), delivery.nextAttemptAt(),
                delivery.lastAttemptAt(), delivery.lastStatus(), delivery.lastError(), delivery.createdAt(),
                delivery.deliveredAt());
    }
}
