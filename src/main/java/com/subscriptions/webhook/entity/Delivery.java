package com.subscriptions.webhook.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One event for one endpoint: the outbox row. Pending until the endpoint answers 2xx (delivered) or the retries are
 * spent (failed). The dispatcher claims a due row by moving {@code next_attempt_at} forward by a lease, so that an
 * instance that dies mid-delivery leaves it to another once the lease is over.
 */
@Entity
@Table(name = "outbox_deliveries")
public class Delivery {

    public static final String PENDING = "pending";
    public static final String DELIVERED = "delivered";
    public static final String FAILED = "failed";
    private static final int ERROR_LENGTH = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "event_id")
    private long eventId;

    @Column(name = "endpoint_id")
    private long endpointId;

    private String status;

    private int attempts;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "last_attempt_at")
    private Instant lastAttemptAt;

    @Column(name = "last_status")
    private Integer lastStatus;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    protected Delivery() {
        // for JPA
    }

    public Delivery(long eventId, long endpointId, Instant now) {
        this.eventId = eventId;
        this.endpointId = endpointId;
        this.status = PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    /** Records an attempt: 2xx delivers; otherwise a retry at {@code retryAt}, or failed for good when null. */
    public void attempted(Instant at, Integer statusCode, String error, Instant retryAt) {
        attempts++;
        lastAttemptAt = at;
        lastStatus = statusCode;
        lastError = error == null ? null : error.substring(0, Math.min(error.length(), ERROR_LENGTH));
        if (statusCode != null && statusCode >= 200 && statusCode < 300) {
            status = DELIVERED;
            deliveredAt = at;
            nextAttemptAt = null;
        } else if (retryAt == null) {
            status = FAILED;
            nextAttemptAt = null;
        } else {
            nextAttemptAt = retryAt;
        }
    }

    /** Sends it again soon, with the same message id: a delivered or failed one too (the admin's resend). */
    public void resend(Instant now) {
        status = PENDING;
        nextAttemptAt = now;
        deliveredAt = null;
    }

    public boolean delivered() {
        return DELIVERED.equals(status);
    }

    public Long id() {
        return id;
    }

    public long eventId() {
        return eventId;
    }

    public long endpointId() {
        return endpointId;
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

    public Integer lastStatus() {
        return lastStatus;
    }

    public String lastError() {
        return lastError;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant deliveredAt() {
        return deliveredAt;
    }
}
