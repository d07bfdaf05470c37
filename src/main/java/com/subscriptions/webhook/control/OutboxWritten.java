package com.subscriptions.webhook.control;

/** Deliveries were added to the outbox in the current transaction: once committed, the dispatcher is woken. */
public record OutboxWritten() {
}
