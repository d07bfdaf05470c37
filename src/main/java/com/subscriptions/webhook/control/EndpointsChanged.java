package com.subscriptions.webhook.control;

/** An endpoint was created, changed or deleted: fired in the writing transaction. */
public record EndpointsChanged() {
}
