package com.subscriptions.webhook.boundary;

/** The test event queued for the endpoint: its message id ({@code webhook-id}), to find it in the delivery log. */
public record TestEventAnswer(String messageId) {
}
