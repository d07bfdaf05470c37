package com.subscriptions.idempotency.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;

/**
 * A user's Idempotency-Key: the request it first came with, when it was claimed and, once answered, that answer.
 * Unanswered, it is a lease of its claimer's ({@link #isAbandoned}).
 */
@Entity
@Table(name = "idempotency_keys")
public class IdempotencyKey {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id")
    private long userId;

    @Column(name = "idem_key")
    private String key;

    @Column(name = "request_hash")
    private String requestHash;

    private Integer status;

    @Column(name = "content_type")
    private String contentType;

    @Column(name = "response_body")
    private String responseBody;

    @Column(name = "claimed_at")
    private Instant claimedAt;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    protected IdempotencyKey() {
        // for JPA; rows are inserted by IdempotencyKeys, atomically
    }

    public boolean isAnswered() {
        return status != null;
    }

    public boolean isFor(String requestHash) {
        return this.requestHash.equals(requestHash);
    }

    public boolean isExpired(Instant now) {
        return !expiresAt.isAfter(now);
    }

    /** An unanswered claim older than the lease: its holder is taken for dead. */
    public boolean isAbandoned(Instant now, Duration lease) {
        return !isAnswered() && !claimedAt.plus(lease).isAfter(now);
    }

    public Instant claimedAt() {
        return claimedAt;
    }

    public Long id() {
        return id;
    }

    public int status() {
        return status;
    }

    public String contentType() {
        return contentType;
    }

    public String responseBody() {
        return responseBody;
    }
}
