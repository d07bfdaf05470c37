package com.subscriptions.webhook.entity;

import com.subscriptions.platform.entity.OutboxRow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One event for one endpoint: the outbox row. Pending until the endpoint answers 2xx (delivered) or the retries are
 * spent (failed).
 */
@Entity
@Table(name = "outbox_deliveries")
public class Delivery extends OutboxRow {

    public static final String DELIVERED = "delivered";

    @Column(name = "event_id")
    private long eventId;

    @Column(name = "endpoint_id")
    private long endpointId;

    @Column(name = "last_status")
    private Integer lastStatus;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    protected Delivery() {
        // for JPA
    }

    public Delivery(long eventId, long endpointId, Instant now) {
        super(now);
        this.eventId = eventId;
        this.endpointId = endpointId;
    }

    /** Records an attempt: 2xx delivers; otherwise a retry at {@code retryAt}, or failed for good when null. */
    public void attempted(Instant at, Integer statusCode, String error, Instant retryAt) {
        lastStatus = statusCode;
        if (statusCode != null && statusCode >= 200 && statusCode < 300) {
            succeeded(at, DELIVERED);
            deliveredAt = at;
        } else {
            failed(at, error, retryAt);
        }
    }

    /** Sends it again soon, with the same message id: a delivered or failed one too (the admin's resend). */
    public void resend(Instant now) {
        dueAgain(now);
        deliveredAt = null;
    }

    public boolean delivered() {
        return DELIVERED.equals(status());
    }

    public long eventId() {
        return eventId;
    }

    public long endpointId() {
        return endpointId;
    }

    public Integer lastStatus() {
        return lastStatus;
    }

    public Instant deliveredAt() {
        return deliveredAt;
    }
}
