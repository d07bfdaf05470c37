package com.subscriptions.audit.control;

import com.subscriptions.audit.entity.AuditEvent;
import com.subscriptions.platform.control.Caller;
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
    public void record(String action, String target, Caller caller) {
        em.persist(new AuditEvent(caller.userId(), caller.name(), action, target, caller.address(), caller.requestId(),
                clock.instant()));
    }

    /** In a transaction of its own: for events whose request fails (a refused login), which must stay. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordRegardless(String action, String target, Caller caller) {
        record(action, target, caller);
    }
}
