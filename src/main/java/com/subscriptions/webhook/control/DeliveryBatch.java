package com.subscriptions.webhook.control;

import com.subscriptions.audit.control.AuditTrail;
import com.subscriptions.platform.control.Caller;
import com.subscriptions.platform.entity.DatabaseUnavailable;
import com.subscriptions.webhook.entity.Delivery;
import com.subscriptions.webhook.entity.DeliveryAttempt;
import com.subscriptions.webhook.entity.OutboxEvent;
import com.subscriptions.webhook.entity.WebhookEndpoint;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * The dispatcher's transactions, each short and of its own: claiming due deliveries, and recording an attempt. No
 * transaction is open while a receiver is called.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DeliveryBatch {

    /** The audit trail's actor for what the dispatcher does by itself. */
    static final Caller DISPATCHER = new Caller(null, "webhook-dispatcher", false, null, null);

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    WebhookSettings settings;

    @Inject
    AuditTrail audit;

    @Inject
    MeterRegistry metrics;

    @Resource
    SessionContext context;

    /** A claim that fails on a dead connection tells the pool to drop its connections, as a failed request does. */
    @Inject
    Event<DatabaseUnavailable> outages;

    static final String ENABLED_ENDPOINTS = "select e from WebhookEndpoint e where e.enabled = true";

    /** A claimed delivery with what it takes to send it. */
    public record Claim(long deliveryId, long endpointId, String url, String messageId, List<String> secrets,
                        String payload) {
    }

    /**
     * Claims up to {@code max} due deliveries ({@code FOR UPDATE SKIP LOCKED}: another instance's claim is never
     * taken), at most {@code perEndpoint} in flight per endpoint counting {@code inFlight}, by leasing them: their
     * next attempt moves past the lease, so they are due again only if this instance dies before recording.
     */
    public List<Claim> claim(int max, int perEndpoint, ToIntFunction<Long> inFlight) {
        try {
            return claimDue(max, perEndpoint, inFlight);
        } catch (PersistenceException databaseAway) {
            // Every tick fails while the database is away: rolled back quietly (thrown, the container would log an
            // error each second); outbox_lag_seconds and readiness show the outage.
            context.setRollbackOnly();
            outages.fire(DatabaseUnavailable.of(databaseAway));
            return List.of();
        }
    }

    private List<Claim> claimDue(int max, int perEndpoint, ToIntFunction<Long> inFlight) {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Object[]> due = em.createNativeQuery("SELECT id, endpoint_id FROM outbox_deliveries "
                        + "WHERE status = 'pending' AND next_attempt_at <= ? "
                        + "ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED")
                .setParameter(1, now).setParameter(2, max * 4).getResultList();
        Map<Long, Integer> taken = new HashMap<>();
        List<Long> chosen = new ArrayList<>();
        for (Object[] row : due) {
            long endpointId = ((Number) row[1]).longValue();
            int sending = taken.merge(endpointId, 1, Integer::sum) + inFlight.applyAsInt(endpointId);
            if (chosen.size() < max && sending <= perEndpoint) {
                chosen.add(((Number) row[0]).longValue());
            }
        }
        if (chosen.isEmpty()) {
            return List.of();
        }
        // The lease in one statement (flushed as a JDBC batch, these updates failed on Payara: statement closed).
        em.createQuery("update Delivery d set d.nextAttemptAt = :lease where d.id in :ids")
                .setParameter("lease", now.plus(settings.lease())).setParameter("ids", chosen).executeUpdate();
        return em.createQuery("select d.id, e, o.messageId, o.payload from Delivery d, WebhookEndpoint e, "
                        + "OutboxEvent o where d.id in :ids and e.id = d.endpointId and o.id = d.eventId", Object[].class)
                .setParameter("ids", chosen).getResultList().stream().map(row -> {
                    WebhookEndpoint endpoint = (WebhookEndpoint) row[1];
                    return new Claim((Long) row[0], endpoint.id(), endpoint.url(), (String) row[2],
                            endpoint.signingSecrets(now), (String) row[3]);
                }).toList();
    }

    /**
     * Records an attempt. A failure schedules the next attempt ({@link RetrySchedule}) and holds back the endpoint's
     * other due deliveries until then (a receiver that is down is not called once per waiting delivery); when the
     * retries are spent the delivery has failed. An endpoint failing for longer than the setting disables itself,
     * in the audit trail.
     */
    public void record(long deliveryId, long endpointId, WebhookClient.Outcome outcome) {
        Instant now = clock.instant();
        // The endpoint locked first, then the delivery, as an endpoint's deletion does (its deliveries go with it):
        // the records of one endpoint's concurrent deliveries, which all update the endpoint and hold back its other
        // deliveries, queue instead of deadlocking. A deleted endpoint is gone, or its deletion waits.
        WebhookEndpoint endpoint = em.find(WebhookEndpoint.class, endpointId, LockModeType.PESSIMISTIC_WRITE);
        Delivery delivery = endpoint == null ? null : em.find(Delivery.class, deliveryId, LockModeType.PESSIMISTIC_WRITE);
        if (delivery == null || endpoint == null) {
            return; // deleted with its endpoint meanwhile
        }
        Instant retryAt = outcome.delivered() ? null : settings.retries().next(delivery.attempts() + 1, now).orElse(null);
        delivery.attempted(now, outcome.status(), outcome.error(), retryAt);
        em.persist(new DeliveryAttempt(deliveryId, now, outcome.status(), outcome.latencyMillis(), outcome.error(),
                outcome.response()));
        String result = delivery.delivered() ? "delivered" : retryAt == null ? "failed" : "retrying";
        Counter.builder("webhook_deliveries").description("Webhook delivery attempts by result").tag("result", result)
                .register(metrics).increment();
        if (delivery.delivered()) {
            endpoint.delivered();
            return;
        }
        if (retryAt != null) {
            em.createQuery("update Delivery d set d.nextAttemptAt = :retry where d.endpointId = :endpoint "
                            + "and d.status = 'pending' and d.nextAttemptAt <= :now and d.id <> :id")
                    .setParameter("retry", retryAt).setParameter("endpoint", endpoint.id())
                    .setParameter("now", now).setParameter("id", deliveryId).executeUpdate();
        }
        if (endpoint.failed(now, settings.disableAfter())) {
            audit.record("webhook_endpoint_disabled", "webhook:" + endpoint.id() + " " + endpoint.disabledReason(),
                    DISPATCHER);
        }
    }

    /** The endpoints that receive events now (detached once returned); null while the database is away. */
    public List<WebhookEndpoint> enabledEndpoints() {
        try {
            return em.createQuery(ENABLED_ENDPOINTS, WebhookEndpoint.class).getResultList();
        } catch (PersistenceException databaseAway) {
            context.setRollbackOnly();
            outages.fire(DatabaseUnavailable.of(databaseAway));
            return null;
        }
    }

    /** Deletes delivered deliveries (their attempts with them) and then events, older than the retention. */
    public int purge() {
        Instant before = clock.instant().minus(settings.retention());
        int deliveries = em.createQuery("delete from Delivery d where d.status = 'delivered' and d.deliveredAt < :before")
                .setParameter("before", before).executeUpdate();
        em.createNativeQuery("DELETE FROM outbox_events WHERE created_at < ? AND NOT EXISTS "
                + "(SELECT 1 FROM outbox_deliveries d WHERE d.event_id = outbox_events.id)")
                .setParameter(1, before).executeUpdate();
        return deliveries;
    }
}
