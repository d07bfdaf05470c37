package com.subscriptions.webhook.control;

import com.subscriptions.cluster.control.Cluster;
import com.subscriptions.cluster.control.ClusterMessage;
import com.subscriptions.webhook.entity.EventType;
import com.subscriptions.webhook.entity.WebhookEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Duration;
import java.util.List;

/**
 * Which endpoints want which event types, kept in memory so that a write costs no query to find them. Read again by
 * the dispatcher's tick every {@link #REFRESH}, and forgotten when an endpoint changes here or on another instance
 * (told through the cluster): then the next write reads them in its transaction, or the next tick does.
 */
@ApplicationScoped
public class EndpointDirectory {

    static final Duration REFRESH = Duration.ofSeconds(30);
    static final String CLUSTER_TOPIC = "webhook-endpoints";

    @PersistenceContext
    EntityManager em;

    @Inject
    Cluster cluster;

    @Inject
    DeliveryBatch batch;

    private record Snapshot(List<WebhookEndpoint> endpoints, long readAtNanos) {
    }

    private volatile Snapshot snapshot;

    /** The ids of the enabled endpoints that want this type (read in the caller's transaction when forgotten). */
    public List<Long> wanting(EventType type) {
        Snapshot current = snapshot;
        if (current == null) {
            List<WebhookEndpoint> enabled = em.createQuery(DeliveryBatch.ENABLED_ENDPOINTS, WebhookEndpoint.class)
                    .getResultList();
            enabled.forEach(em::detach);
            current = new Snapshot(enabled, System.nanoTime());
            snapshot = current;
        }
        return current.endpoints().stream().filter(endpoint -> endpoint.wants(type)).map(WebhookEndpoint::id)
                .toList();
    }

    /**
     * Reads the endpoints again (in a transaction of its own) if forgotten or older than {@link #REFRESH}; with the
     * database away, the endpoints known stay, and the next try is a {@link #REFRESH} later.
     */
    void refreshIfStale() {
        Snapshot current = snapshot;
        if (current == null || System.nanoTime() - current.readAtNanos() > REFRESH.toNanos()) {
            List<WebhookEndpoint> read = batch.enabledEndpoints();
            if (read != null) {
                snapshot = new Snapshot(read, System.nanoTime());
            } else if (current != null) {
                snapshot = new Snapshot(current.endpoints(), System.nanoTime());
            }
        }
    }

    void forgetAfterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) EndpointsChanged change) {
        snapshot = null;
        cluster.broadcast(CLUSTER_TOPIC, "changed");
    }

    void forgetOnOtherInstancesChange(@Observes ClusterMessage message) {
        if (message.is(CLUSTER_TOPIC)) {
            snapshot = null;
        }
    }
}
