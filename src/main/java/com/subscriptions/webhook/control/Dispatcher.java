package com.subscriptions.webhook.control;

import com.subscriptions.platform.control.CoalescedRuns;
import com.subscriptions.platform.control.DatabaseOutages;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends what the outbox holds, on every instance: woken after each commit that wrote deliveries, and every second
 * in any case (deliveries of another instance, retries that fell due), and whenever a send ends. Each run claims
 * due deliveries and hands each to the container's executor, where the endpoint's next due ones follow it; a
 * delivery's slowness holds back nothing but its endpoint's: at most {@link #IN_FLIGHT} are sent at once, at most
 * {@link #PER_ENDPOINT} per endpoint, so a receiver that hangs takes two threads, not all.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Dispatcher {

    static final int IN_FLIGHT = 16;
    static final int PER_ENDPOINT = 2;
    static final int IN_TURN = 20;
    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());

    @Inject
    DeliveryBatch batch;

    @Inject
    WebhookClient client;

    @Inject
    EndpointDirectory endpoints;

    @Inject
    Clock clock;

    @Inject
    DatabaseOutages outages;

    @Resource
    ManagedExecutorService executor;

    private final Semaphore slots = new Semaphore(IN_FLIGHT);
    private final Map<Long, Integer> inFlight = new ConcurrentHashMap<>();
    private final CoalescedRuns runs = new CoalescedRuns(LOG, "Could not claim webhook deliveries; trying every second");

    /**
     * Never failing: a timer whose call fails is dropped by the container; a database outage must not end it. Quiet
     * just after an outage ({@link DatabaseOutages}).
     */
    @Schedule(second = "*", minute = "*", hour = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void everySecond() {
        if (outages.recentlyUnavailable()) {
            return;
        }
        try {
            endpoints.refreshIfStale();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Could not read the webhook endpoints", e);
        }
        dispatch();
    }

    /** Delivered deliveries and their events go after the retention (README, "Webhooks"). */
    @Schedule(minute = "23", hour = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void purgeHourly() {
        try {
            batch.purge();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not purge delivered webhooks; next try in an hour: " + e);
        }
    }

    /** On a thread of the caller's (the container's executor, after a commit): never inside a transaction. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void wake() {
        dispatch();
    }

    /** A full claim may have left more due: the run goes round again. */
    private void dispatch() {
        runs.request(() -> {
            int free = slots.availablePermits();
            return free > 0 && sendClaimed(batch.claim(free, PER_ENDPOINT, id -> inFlight.getOrDefault(id, 0)))
                    == free;
        });
    }

    private int sendClaimed(List<DeliveryBatch.Claim> claims) {
        for (DeliveryBatch.Claim claim : claims) {
            slots.acquireUninterruptibly();
            inFlight.merge(claim.endpointId(), 1, Integer::sum);
            try {
                executor.execute(() -> send(claim));
            } catch (RejectedExecutionException e) {
                done(claim); // its lease runs out and it is claimed again
            }
        }
        return claims.size();
    }

    /**
     * Sends the claimed delivery and then, while the receiver takes them, the endpoint's next due ones on this thread,
     * each claimed in the transaction that records the one before: a backlog costs one transaction and no hand-over
     * per delivery. At most {@link #IN_TURN} in a row, so that every endpoint with deliveries due gets a slot in turn.
     */
    private void send(DeliveryBatch.Claim first) {
        DeliveryBatch.Claim claim = first;
        try {
            for (int sent = 1; claim != null; sent++) {
                claim = batch.record(claim.deliveryId(), claim.endpointId(), client.post(claim.url(), claim.messageId(),
                        claim.secrets(), claim.payload(), clock.instant()), sent < IN_TURN).orElse(null);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not record delivery " + claim.deliveryId() + "; it is sent again once its "
                    + "lease is over: " + e);
        } finally {
            done(first);
            // The slot is free again: claim at once what is due (else one endpoint's backlog would wait for the
            // next wake-up).
            dispatch();
        }
    }

    private void done(DeliveryBatch.Claim claim) {
        inFlight.computeIfPresent(claim.endpointId(), (id, sending) -> sending > 1 ? sending - 1 : null);
        slots.release();
    }
}
