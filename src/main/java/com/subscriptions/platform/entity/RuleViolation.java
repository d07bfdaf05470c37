package com.subscriptions.platform.entity;

/** An entity refused an operation that its rules do not allow. */
public class RuleViolation extends DomainException {

    public RuleViolation(String message) {
        super(message);
    }
}
