package com.subscriptions.platform.entity;

/** The thing a request names does not exist (or the caller may not know that it does). */
public class NotFound extends DomainException {

    public NotFound(String message) {
        super(message);
    }
}
