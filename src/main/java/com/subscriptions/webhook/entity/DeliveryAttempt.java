package com.subscriptions.webhook.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One attempt of a delivery: the answer's status (none if no answer), latency, error and the start of its body. */
@Entity
@Table(name = "delivery_attempts")
public class DeliveryAttempt {

    public static final int RESPONSE_LENGTH = 1000;
    private static final int ERROR_LENGTH = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "delivery_id")
    private long deliveryId;

    @Column(name = "attempted_at")
    private Instant attemptedAt;

    @Column(name = "status_code")
    private Integer statusCode;

    @Column(name = "latency_ms")
    private int latencyMillis;

    private String error;

    private String response;

    protected DeliveryAttempt() {
        // for JPA
    }

    public DeliveryAttempt(long deliveryId, Instant attemptedAt, Integer statusCode, int latencyMillis, String error,
                           String response) {
        this.deliveryId = deliveryId;
        this.attemptedAt = attemptedAt;
        this.statusCode = statusCode;
        this.latencyMillis = latencyMillis;
        this.error = truncate(error, ERROR_LENGTH);
        this.response = truncate(response, RESPONSE_LENGTH);
    }

    private static String truncate(String text, int length) {
        return text == null ? null : text.substring(0, Math.min(text.length(), length));
    }

    public Long id() {
        return id;
    }

    public long deliveryId() {
        return deliveryId;
    }

    public Instant attemptedAt() {
        return attemptedAt;
    }

    public Integer statusCode() {
        return statusCode;
    }

    public int latencyMillis() {
        return latencyMillis;
    }

    public String error() {
        return error;
    }

    public String response() {
        return response;
    }
}
