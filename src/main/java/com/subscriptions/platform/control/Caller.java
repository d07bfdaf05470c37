package com.subscriptions.platform.control;

/**
 * Who makes the current request: the user (when a token names one) and whether they are an admin, the client
 * address and the request id. One value per request, handed to the use cases that record who did what (the audit
 * trail, subscription events) or that offer admins more (hidden plans, longer trials).
 */
public record Caller(Long userId, String name, boolean admin, String address, String requestId) {

    /** The same request acting as a user it has just identified (a login, a registration), with no role. */
    public Caller as(Long identifiedUserId, String identifiedName) {
        return new Caller(identifiedUserId, identifiedName, false, address, requestId);
    }

    /** Whether the request is made by this user. */
    public boolean is(long someUserId) {
        return userId != null && userId == someUserId;
    }
}
