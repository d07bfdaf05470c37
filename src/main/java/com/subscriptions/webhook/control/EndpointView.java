package com.subscriptions.webhook.control;

import com.subscriptions.platform.control.Times;
import com.subscriptions.webhook.entity.WebhookEndpoint;

import java.time.Instant;
import java.util.List;

/**
 * A webhook endpoint as the admin API shows it; never its secret (shown once, on creation and rotation). {@code
 * previous_secret_expires_at}: until when the secret before the last rotation still signs beside the current one.
 */
public record EndpointView(long id, String url, String description, List<String> eventTypes, boolean enabled,
                           String disabledReason, Instant failingSince, Instant previousSecretExpiresAt,
                           Instant createdAt, Instant updatedAt) {

    public static EndpointView of(WebhookEndpoint endpoint) {
        return new EndpointView(endpoint.id(), endpoint.url(), endpoint.description(), endpoint.eventTypes(),
                endpoint.enabled(), endpoint.disabledReason(), Times.seconds(endpoint.failingSince()),
                Times.seconds(endpoint.previousSecretExpiresAt()), Times.seconds(endpoint.createdAt()),
                Times.seconds(endpoint.updatedAt()));
    }
}
