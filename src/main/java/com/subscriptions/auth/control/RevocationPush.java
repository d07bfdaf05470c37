package com.subscriptions.auth.control;

import com.subscriptions.cluster.control.Cluster;
import com.subscriptions.cluster.control.ClusterMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Carries revocations (logout, refresh-token reuse, a removed role) to the other instances as soon as they commit,
 * so that a token refused here is refused everywhere within milliseconds; {@link RevocationList}'s poll of the
 * database remains the safety net for a message lost.
 */
@ApplicationScoped
public class RevocationPush {

    static final String CLUSTER_TOPIC = "revocation";

    @Inject
    Cluster cluster;

    @Inject
    RevocationList revocations;

    void pushAfterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) TokenRevoked revocation) {
        cluster.broadcast(CLUSTER_TOPIC, revocation.encode());
    }

    void applyFromOtherInstance(@Observes ClusterMessage message) {
        if (message.is(CLUSTER_TOPIC)) {
            revocations.rememberRevoked(TokenRevoked.decode(message.body()));
        }
    }
}
