package com.subscriptions.platform.entity;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import java.time.Instant;

/**
 * What every outbox row (a webhook delivery, a mail) keeps of its attempts: pending and due at
 * {@code next_attempt_at} until one attempt succeeds or the retries are spent (failed). A dispatcher claims a due row
 * by moving {@code next_attempt_at} forward by a lease, so that an instance that dies mid-attempt leaves it to another
 * once the lease is over.
 */
@MappedSuperclass
public abstract class OutboxRow {

    public static final String PENDING = "pending";
    public static final String FAILED = "failed";
    private static final int ERROR_LENGTH = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String status;

    private int attempts;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "last_attempt_at")
    private Instant lastAttemptAt;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "created_at")
    private Instant createdAt;

    protected OutboxRow() {
        // for JPA
    }

    protected OutboxRow(Instant now) {
        this.status = PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    /** An attempt that succeeded: the row is done, in the subclass's word for it ({@code doneStatus}). */
    protected void succeeded(Instant at, String doneStatus) {
        recordAttempt(at, null);
        status = doneStatus;
        nextAttemptAt = null;
    }

    /** An attempt that failed: a retry at {@code retryAt}, or failed for good when null. */
    protected void failed(Instant at, String error, Instant retryAt) {
        recordAttempt(at, error);
        nextAttemptAt = retryAt;
        if (retryAt == null) {
            status = FAILED;
        }
    }

    /** Pending again and due at once (an admin's resend), whatever its status was. */
    protected void dueAgain(Instant now) {
        status = PENDING;
        nextAttemptAt = now;
    }

    private void recordAttempt(Instant at, String error) {
        attempts++;
        lastAttemptAt = at;
        lastError = error == null ? null : error.substring(0, Math.min(error.length(), ERROR_LENGTH));
    }

    public Long id() {
        return id;
    }

    public String status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public Instant lastAttemptAt() {
        return lastAttemptAt;
    }

    public String lastError() {
        return lastError;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
