package com.subscriptions.webhook.control;

import com.subscriptions.platform.control.CoalescedRuns;
import com.subscriptions.platform.control.DatabaseOutages;
import com.subscriptions.platform.control.Recurring;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends what the outbox holds, on every instance: woken after commits that wrote deliveries, and every second in any
 * case (deliveries of another instance, retries that fell due), and whenever a lane ends. Each run claims due
 * deliveries in lanes and hands each lane to one of its threads: a lane is up to {@link #PER_LANE} deliveries
 * of one endpoint, sent one after the other and recorded in one transaction, which claims the endpoint's next due
 * ones for the same lane. A delivery's slowness holds back nothing but its endpoint's: at most {@link #IN_FLIGHT}
 * lanes run at once, at most {@link #PER_ENDPOINT} per endpoint, so a receiver that hangs takes two threads, not all.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Dispatcher {

    static final int IN_FLIGHT = 16;
    static final int PER_ENDPOINT = 2;
    /** A transaction records this many sends at most: a backlog costs a fraction of a transaction per delivery. */
    static final int PER_LANE = 10;
    /** Deliveries a lane sends before it leaves its slot, so that every endpoint with deliveries due gets one. */
    static final int IN_TURN = 50;
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

    @Inject
    Recurring recurring;

    @Resource
    SessionContext context;

    @Resource
    ManagedThreadFactory threads;

    /**
     * The lanes' threads, made once by the container's factory: a task handed to Payara's managed executor cost a
     * class-path scan for thread-context providers, once per lane (paced at 100 writes/s, lanes are short).
     */
    private ExecutorService laneThreads;

    private final Semaphore slots = new Semaphore(IN_FLIGHT);
    private final Map<Long, Integer> inFlight = new ConcurrentHashMap<>();
    private final CoalescedRuns runs = new CoalescedRuns(LOG, "Could not claim webhook deliveries; trying every second");

    /** Not named start, as start(lanes) is: Payara finds a lifecycle callback by its name, and once called that one. */
    @PostConstruct
    void startLanesAndSchedules() {
        laneThreads = Executors.newFixedThreadPool(IN_FLIGHT, threads);
        Dispatcher throughTheContainer = context.getBusinessObject(Dispatcher.class);
        recurring.every(Duration.ofSeconds(1), "Sending webhooks", throughTheContainer::tick);
        recurring.hourlyAt(23, "Purging delivered webhooks", batch::purge);
    }

    /** A lane cut short is sent again once its lease is over. */
    @PreDestroy
    void stopLanes() {
        laneThreads.shutdownNow();
    }

    /** Every second, for the schedule only. Quiet just after an outage ({@link DatabaseOutages}). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void tick() {
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

    /** On the caller's thread (the outbox's wake-up thread, after a commit): never inside a transaction. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void wake() {
        dispatch();
    }

    /** A full claim may have left more due: the run goes round again. */
    private void dispatch() {
        runs.request(() -> {
            int free = slots.availablePermits();
            return free > 0 && start(batch.claim(free, PER_ENDPOINT, PER_LANE,
                    id -> inFlight.getOrDefault(id, 0))) == free;
        });
    }

    private int start(List<List<DeliveryBatch.Claim>> lanes) {
        for (List<DeliveryBatch.Claim> lane : lanes) {
            long endpointId = lane.get(0).endpointId();
            slots.acquireUninterruptibly();
            inFlight.merge(endpointId, 1, Integer::sum);
            try {
                laneThreads.execute(() -> send(endpointId, lane));
            } catch (RejectedExecutionException e) {
                done(endpointId); // their lease runs out and they are claimed again
            }
        }
        return lanes.size();
    }

    /**
     * Sends the lane's deliveries one after the other, stopping at the first the receiver does not take, and records
     * them; while the receiver takes them, goes on with the endpoint's next due ones, claimed by that record.
     */
    private void send(long endpointId, List<DeliveryBatch.Claim> first) {
        List<DeliveryBatch.Claim> lane = first;
        try {
            for (int sent = 0; !lane.isEmpty(); ) {
                List<DeliveryBatch.Sent> outcomes = new ArrayList<>();
                for (DeliveryBatch.Claim claim : lane) {
                    WebhookClient.Outcome outcome = client.post(claim.url(), claim.messageId(), claim.secrets(),
                            claim.payload(), clock.instant());
                    outcomes.add(new DeliveryBatch.Sent(claim.deliveryId(), outcome));
                    if (!outcome.delivered()) {
                        break;
                    }
                }
                sent += outcomes.size();
                List<Long> unsent = lane.subList(outcomes.size(), lane.size()).stream()
                        .map(DeliveryBatch.Claim::deliveryId).toList();
                lane = batch.record(endpointId, outcomes, unsent, sent < IN_TURN ? PER_LANE : 0);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not record deliveries to endpoint " + endpointId + "; they are sent again "
                    + "once their lease is over: " + e);
        } finally {
            done(endpointId);
            // The slot is free again: claim at once what is due (else one endpoint's backlog would wait for the
            // next wake-up).
            dispatch();
        }
    }

    private void done(long endpointId) {
        inFlight.computeIfPresent(endpointId, (id, sending) -> sending > 1 ? sending - 1 : null);
        slots.release();
    }
}
