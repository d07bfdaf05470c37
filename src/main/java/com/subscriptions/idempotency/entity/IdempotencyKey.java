package com.subscriptions.idempotency.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A user's Idempotency-Key: the request it first came with and, once answered, that answer. */
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

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    protected IdempotencyKey() {
        // for JPA
    }

    public IdempotencyKey(long userId, String key, String requestHash, Instant now, Instant expiresAt) {
        this.userId = userId;
        this.key = key;
        this.requestHash = requestHash;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    public void answered(int status, String contentType, String body) {
        this.status = status;
        this.contentType = contentType;
        this.responseBody = body;
    }

    public boolean isAnswered() {
        return status != null;
    }

    public boolean isFor(String requestHash) {
        return this.requestHash.equals(requestHash);
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
