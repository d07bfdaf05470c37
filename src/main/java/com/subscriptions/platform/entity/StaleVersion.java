package com.subscriptions.platform.entity;

/** The request was based on a version of the resource that has changed since (a lost update avoided). */
public class StaleVersion extends DomainException {

    public StaleVersion(String message) {
        super(message);
    }
}
