package com.subscriptions.webhook.control;

import com.subscriptions.audit.control.AuditTrail;
import com.subscriptions.platform.control.Caller;
import com.subscriptions.platform.control.DatabaseOutages;
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
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

    @Inject
    DatabaseOutages outages;

    @Inject
    SecretSeal seal;

    /** A failure's hold-back moves its endpoint's due deliveries this many a statement (short IN lists). */
    static final int HELD_BACK_AT_ONCE = 500;

    static final String ENABLED_ENDPOINTS = "select e from WebhookEndpoint e where e.enabled = true";

    /** A claimed delivery with what it takes to send it. */
    public record Claim(long deliveryId, long endpointId, String url, String messageId, List<String> secrets,
                        String payload) {
    }

    /** A delivery that was sent, with what its receiver answered. */
    public record Sent(long deliveryId, WebhookClient.Outcome outcome) {
    }

    /**
     * Claims due deliveries ({@code FOR UPDATE SKIP LOCKED}: another instance's claim is never taken) for up to
     * {@code lanes} lanes, at most {@code perEndpoint} lanes per endpoint counting {@code inFlight}, by leasing them:
     * their next attempt moves past the lease, so they are due again only if this instance dies before recording.
     * @return the lanes: each up to {@code perLane} deliveries of one endpoint, oldest first
     */
    public List<List<Claim>> claim(int lanes, int perEndpoint, int perLane, ToIntFunction<Long> inFlight) {
        try {
            return claimDue(lanes, perEndpoint, perLane, inFlight);
        } catch (PersistenceException failure) {
            outages.pollFailed(failure, context);
            return List.of();
        }
    }

    /**
     * Endpoint by endpoint (in a random order, so that none is always served last when the slots run out), each
     * endpoint's oldest due deliveries up to its room: a receiver that is down or hangs, whose backlog fills the head
     * of the due order, is never in the way of another's.
     */
    private List<List<Claim>> claimDue(int lanes, int perEndpoint, int perLane, ToIntFunction<Long> inFlight) {
        Instant now = clock.instant();
        // Every endpoint: a disabled one still sends what it was given before.
        List<Long> endpointIds = new ArrayList<>(em.createQuery("select e.id from WebhookEndpoint e", Long.class)
                .getResultList());
        Collections.shuffle(endpointIds);
        List<List<Long>> chosen = new ArrayList<>();
        for (long endpointId : endpointIds) {
            int room = Math.min(perEndpoint - inFlight.applyAsInt(endpointId), lanes - chosen.size());
            if (room > 0) {
                chosen.addAll(split(dueOf(endpointId, now, room * perLane), room));
            }
        }
        if (chosen.isEmpty()) {
            return List.of();
        }
        Map<Long, Claim> claims = lease(chosen.stream().flatMap(List::stream).toList(), now);
        return chosen.stream().map(lane -> inOrder(lane, claims)).filter(lane -> !lane.isEmpty()).toList();
    }

    /** An endpoint's due deliveries over at most {@code lanes} lanes, as evenly as they go, in their order. */
    static List<List<Long>> split(List<Long> due, int lanes) {
        int count = Math.min(lanes, due.size());
        List<List<Long>> split = new ArrayList<>();
        for (int lane = 0, from = 0; lane < count; lane++) {
            int to = from + (due.size() - from + count - lane - 1) / (count - lane);
            split.add(due.subList(from, to));
            from = to;
        }
        return split;
    }

    /**
     * Leases the deliveries and reads what it takes to send them. The deliveries and their events by a locking read:
     * a plain read sees the snapshot of the transaction's first plain read, in which a delivery that the claim's
     * locking read found (written since) does not exist yet, and was leased and never sent. Their endpoints were in
     * that snapshot (read before their deliveries were looked for).
     */
    private Map<Long, Claim> lease(List<Long> chosen, Instant now) {
        postpone(chosen, now.plus(settings.lease()));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT d.id, d.endpoint_id, o.message_id, o.payload "
                        + "FROM outbox_deliveries d JOIN outbox_events o ON o.id = d.event_id WHERE d.id IN (:ids) "
                        + "LOCK IN SHARE MODE")
                .setParameter("ids", chosen).getResultList();
        Map<Long, Claim> claims = new HashMap<>();
        Map<Long, List<String>> secrets = new HashMap<>(); // opened once per endpoint, not once per delivery
        for (Object[] row : rows) {
            WebhookEndpoint endpoint = em.find(WebhookEndpoint.class, ((Number) row[1]).longValue());
            long deliveryId = ((Number) row[0]).longValue();
            claims.put(deliveryId, new Claim(deliveryId, endpoint.id(), endpoint.url(), (String) row[2],
                    secrets.computeIfAbsent(endpoint.id(), id -> seal.openEach(endpoint.sealedSigningSecrets(now))),
                    (String) row[3]));
        }
        return claims;
    }

    /**
     * Records the attempts of one lane, sent one after the other to the endpoint: all delivered but perhaps the last.
     * A failure schedules the next attempt ({@link RetrySchedule}) and holds back the endpoint's other due deliveries
     * until then, the lane's unsent ones too (a receiver that is down is not called once per waiting delivery); when
     * the retries are spent the delivery has failed. An endpoint failing for longer than the setting disables itself,
     * in the audit trail.
     * @param unsent the lane's deliveries after a failed one, not sent
     * @param claimNext how many of the endpoint's next due deliveries to claim in this transaction when all were
     *     delivered
     * @return those claims, oldest first
     */
    public List<Claim> record(long endpointId, List<Sent> sent, List<Long> unsent, int claimNext) {
        Instant now = clock.instant();
        // The endpoint is not locked: every write that adds a delivery for it reads its row shared (the foreign key)
        // until it commits, so a record waiting to lock it queued those writes behind it, and deadlocked with them
        // over the subscription counts they update. The endpoint changes only when it starts or stops failing or
        // disables itself, under its version (two records that change it at once: one lane is sent again after its
        // lease); holding back skips the deliveries another transaction holds, so concurrent records never wait on
        // each other.
        WebhookEndpoint endpoint = em.find(WebhookEndpoint.class, endpointId);
        if (endpoint == null) {
            return List.of(); // deleted with its deliveries meanwhile
        }
        Map<Long, Delivery> deliveries = new HashMap<>();
        em.createQuery("select d from Delivery d where d.id in :ids", Delivery.class)
                .setParameter("ids", sent.stream().map(Sent::deliveryId).toList())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList()
                .forEach(delivery -> deliveries.put(delivery.id(), delivery));
        if (deliveries.isEmpty()) {
            return List.of(); // deleted with their endpoint meanwhile
        }
        boolean allDelivered = true;
        Instant retryAt = null;
        for (Sent attempt : sent) {
            Delivery delivery = deliveries.get(attempt.deliveryId());
            if (delivery != null) {
                WebhookClient.Outcome outcome = attempt.outcome();
                retryAt = outcome.delivered() ? null
                        : settings.retries().next(delivery.attempts() + 1, now).orElse(null);
                delivery.attempted(now, outcome.status(), outcome.error(), retryAt);
                em.persist(new DeliveryAttempt(delivery.id(), now, outcome.status(), outcome.latencyMillis(),
                        outcome.error(), outcome.response()));
                count(delivery.delivered() ? "delivered" : retryAt == null ? "failed" : "retrying");
                allDelivered &= delivery.delivered();
            }
        }
        if (allDelivered) {
            endpoint.delivered();
            return claimNext > 0 ? claimNextDue(endpointId, now, claimNext) : List.of();
        }
        if (!unsent.isEmpty()) {
            postpone(unsent, retryAt == null ? now : retryAt);
        }
        if (retryAt != null) {
            holdBack(endpointId, now, retryAt);
        }
        if (endpoint.failed(now, settings.disableAfter())) {
            audit.record("webhook_endpoint_disabled", "webhook:" + endpoint.id() + " " + endpoint.disabledReason(),
                    DISPATCHER);
        }
        return List.of();
    }

    private void count(String result) {
        Counter.builder("webhook_deliveries").description("Webhook delivery attempts by result").tag("result", result)
                .register(metrics).increment();
    }

    /**
     * Every due delivery of the endpoint waits for the failed one's retry: a receiver that is down is not called once
     * per waiting delivery, and its backlog does not stand at the head of the due order, where the claims would find
     * nothing else to send.
     */
    private void holdBack(long endpointId, Instant now, Instant retryAt) {
        List<Long> held;
        do {
            held = dueOf(endpointId, now, HELD_BACK_AT_ONCE);
            if (!held.isEmpty()) {
                postpone(held, retryAt);
            }
        } while (held.size() == HELD_BACK_AT_ONCE);
    }

    private List<Claim> claimNextDue(long endpointId, Instant now, int max) {
        List<Long> next = dueOf(endpointId, now, max);
        if (next.isEmpty()) {
            return List.of();
        }
        return inOrder(next, lease(next, now));
    }

    /** The claims of those deliveries, in their order; one the lease did not find is left out. */
    private static List<Claim> inOrder(List<Long> deliveryIds, Map<Long, Claim> claims) {
        return deliveryIds.stream().map(claims::get).filter(Objects::nonNull).toList();
    }

    /**
     * The endpoint's due deliveries that no other transaction holds: one that is being claimed goes out and is held
     * back by its own failure. Skipping, not waiting, also keeps this from deadlocking with a claim (which holds the
     * delivery and waits for the index entry that this scan locked).
     */
    private List<Long> dueOf(long endpointId, Instant now, int max) {
        @SuppressWarnings("unchecked")
        List<Number> due = em.createNativeQuery("SELECT id FROM outbox_deliveries WHERE endpoint_id = ? "
                        + "AND status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ? "
                        + "FOR UPDATE SKIP LOCKED")
                .setParameter(1, endpointId).setParameter(2, now).setParameter(3, max).getResultList();
        return due.stream().map(Number::longValue).toList();
    }

    /** In one statement (flushed as a JDBC batch, these updates failed on Payara: statement closed). */
    private void postpone(List<Long> ids, Instant until) {
        em.createQuery("update Delivery d set d.nextAttemptAt = :until where d.id in :ids")
                .setParameter("until", until).setParameter("ids", ids).executeUpdate();
    }

    /** The endpoints that receive events now (detached once returned); null while the database is away. */
    public List<WebhookEndpoint> enabledEndpoints() {
        try {
            return em.createQuery(ENABLED_ENDPOINTS, WebhookEndpoint.class).getResultList();
        } catch (PersistenceException failure) {
            outages.pollFailed(failure, context);
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
