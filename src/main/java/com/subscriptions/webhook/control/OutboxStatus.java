package com.subscriptions.webhook.control;

/**
 * The outbox now: deliveries due now, pending in all (due or waiting for a retry), failed for good, and the lag:
 * how long the oldest due delivery has been waiting, in seconds.
 */
public record OutboxStatus(long due, long pending, long failed, double lagSeconds) {
}
