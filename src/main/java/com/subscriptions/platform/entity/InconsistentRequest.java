package com.subscriptions.platform.entity;

/** The request contradicts an earlier one that it claims to repeat (an Idempotency-Key reused with another body). */
public class InconsistentRequest extends DomainException {

    public InconsistentRequest(String message) {
        super(message);
    }
}
