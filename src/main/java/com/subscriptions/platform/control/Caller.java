package com.subscriptions.platform.control;

/**
 * Who makes the current request: the user (when a token names one), the client address and the request id. One
 * value per request, handed to the use cases that record who did what (the audit trail, subscription events).
 */
public record Caller(Long userId, String name, String address, String requestId) {

    /** The same request acting as a user it has just identified (a login, a registration). */
    public Caller as(long identifiedUserId, String identifiedName) {
        return new Caller(identifiedUserId, identifiedName, address, requestId);
    }

    /** Whether the request is made by this user. */
    public boolean is(long someUserId) {
        return userId != null && userId == someUserId;
    }
}
