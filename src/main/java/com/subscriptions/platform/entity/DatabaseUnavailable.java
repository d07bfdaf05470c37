package com.subscriptions.platform.entity;

/**
 * A request found the database unreachable or silent (a connection refused, lost or timed out). Fired where the
 * failure is answered; whoever holds connections to the database observes it (the pool drops its idle ones, which
 * are probably dead as well).
 */
public record DatabaseUnavailable() {
}
