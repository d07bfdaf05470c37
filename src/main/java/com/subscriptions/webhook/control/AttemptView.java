package com.subscriptions.webhook.control;

import com.subscriptions.webhook.entity.DeliveryAttempt;

import java.time.Instant;

/** One attempt of a delivery: the answer's status (null: no answer), latency, error, the start of the answer. */
public record AttemptView(long id, Instant attemptedAt, Integer statusCode, int latencyMs, String error,
                          String response) {

    public static AttemptView of(DeliveryAttempt attempt) {
        return new AttemptView(attempt.id(), attempt.attemptedAt(), attempt.statusCode(), attempt.latencyMillis(),
                attempt.error(), attempt.response());
    }
}
