package com.subscriptions.platform.entity;

import jakarta.ejb.ApplicationException;

/** An entity refused an operation that its rules do not allow; answered 400 with the message. */
@ApplicationException(rollback = true)
public class RuleViolation extends RuntimeException {

    public RuleViolation(String message) {
        super(message);
    }
}
