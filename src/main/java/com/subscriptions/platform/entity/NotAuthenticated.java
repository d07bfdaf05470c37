package com.subscriptions.platform.entity;

/** The caller's credentials (password, token) are wrong, expired or revoked. */
public class NotAuthenticated extends DomainException {

    public NotAuthenticated(String message) {
        super(message);
    }
}
