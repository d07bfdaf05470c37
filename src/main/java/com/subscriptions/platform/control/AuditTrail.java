package com.subscriptions.platform.control;

import com.subscriptions.platform.entity.AuditEvent;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;

/** Writes the audit trail. */
@Stateless
public class AuditTrail {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** Within the caller's transaction: the event exists exactly when the change does. */
    public void record(String action, Long actorId, String actor, String target, ClientInfo client) {
        em.persist(new AuditEvent(actorId, actor, action, target, client.address(), client.requestId(),
                clock.instant()));
    }

    /** In a transaction of its own: for events whose request fails (a refused login), which must stay. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordRegardless(String action, Long actorId, String actor, String target, ClientInfo client) {
        record(action, actorId, actor, target, client);
    }
}
