package com.subscriptions.platform.entity;

/** The request contradicts the current state: a duplicate, or a second live subscription. */
public class Conflict extends DomainException {

    public Conflict(String message) {
        super(message);
    }
}
