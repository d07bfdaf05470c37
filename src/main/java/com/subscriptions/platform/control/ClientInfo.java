package com.subscriptions.platform.control;

/** Where a request came from, for rate limits and the audit trail. */
public record ClientInfo(String address, String requestId) {
}
