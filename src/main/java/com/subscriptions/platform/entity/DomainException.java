package com.subscriptions.platform.entity;

import jakarta.ejb.ApplicationException;

/**
 * A use case refused a request. Each subclass says what happened (not found, conflict, stale version…), never how
 * a protocol answers it: the boundary maps them to problem details in one place ({@code ProblemMappers}).
 * Thrown from an EJB it reaches the caller as itself, and the transaction rolls back.
 */
@ApplicationException(rollback = true)
public abstract class DomainException extends RuntimeException {

    protected DomainException(String message) {
        super(message);
    }
}
