package com.subscriptions.platform.entity;

/** This server cannot do what was asked (a feature of another runtime). */
public class NotSupportedHere extends DomainException {

    public NotSupportedHere(String message) {
        super(message);
    }
}
