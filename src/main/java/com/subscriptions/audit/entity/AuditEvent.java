package com.subscriptions.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One line of the append-only audit trail: who did what to what, from where, in which request. */
@Entity
@Table(name = "audit_events")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "actor_id")
    private Long actorId;

    private String actor;
    private String action;
    private String target;

    @Column(name = "client_address")
    private String clientAddress;

    @Column(name = "request_id")
    private String requestId;

    @Column(name = "created_at")
    private Instant createdAt;

    protected AuditEvent() {
        // for JPA
    }

    public AuditEvent(Long actorId, String actor, String action, String target, String clientAddress,
                      String requestId, Instant createdAt) {
        this.actorId = actorId;
        this.actor = actor;
        this.action = action;
        this.target = target;
        this.clientAddress = clientAddress;
        this.requestId = requestId;
        this.createdAt = createdAt;
    }
}
