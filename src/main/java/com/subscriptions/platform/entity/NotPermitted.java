package com.subscriptions.platform.entity;

/** The caller is known but may not do this. */
public class NotPermitted extends DomainException {

    public NotPermitted(String message) {
        super(message);
    }
}
