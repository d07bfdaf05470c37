package com.subscriptions.webhook.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * An event to announce, written in the transaction of the change it announces. Its body is frozen then: every
 * delivery and every retry sends the same bytes under the same message id.
 */
@Entity
@Table(name = "outbox_events")
public class OutboxEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "message_id")
    private String messageId;

    private String type;

    @Column(name = "subscription_id")
    private Long subscriptionId;

    private Integer sequence;

    private String payload;

    @Column(name = "created_at")
    private Instant createdAt;

    protected OutboxEvent() {
        // for JPA
    }

    public OutboxEvent(String messageId, EventType type, Long subscriptionId, Integer sequence, String payload,
                       Instant now) {
        this.messageId = messageId;
        this.type = type.value();
        this.subscriptionId = subscriptionId;
        this.sequence = sequence;
        this.payload = payload;
        this.createdAt = now;
    }

    /** A message id as Standard Webhooks has it: unique, and the same for every attempt. */
    public static String newMessageId() {
        return "msg_" + UUID.randomUUID().toString().replace("-", "");
    }

    public Long id() {
        return id;
    }

    public String messageId() {
        return messageId;
    }

    public String type() {
        return type;
    }

    public Long subscriptionId() {
        return subscriptionId;
    }

    public Integer sequence() {
        return sequence;
    }

    public String payload() {
        return payload;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
