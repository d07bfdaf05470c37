package com.subscriptions.platform.entity;

/** A limit on attempts was reached; the caller may try again after the given time. */
public class TooManyAttempts extends DomainException {

    private final long retryAfterSeconds;

    public TooManyAttempts(long retryAfterSeconds) {
        super("Too many attempts; retry in " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
