package com.subscriptions.cluster.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This instance's view of the cluster. On Payara Micro with its Data Grid on (the default) the instances that find
 * each other (see the README, "Running several instances") exchange messages through it; elsewhere the service
 * runs as one instance. Messages from others are fired as {@link ClusterMessage} events, one at a time per arrival,
 * on the container's managed executor; membership changes as {@link MembershipChanged}.
 *
 * <p>A broadcast happens after the write it reports has committed, and this instance applies the write's effect
 * itself before answering (so it is fresh at once); a broadcast that fails is logged, the write stands.
 */
@ApplicationScoped
public class Cluster {

    /** Where Payara binds its Hazelcast instance. */
    static final String DATA_GRID_JNDI = "payara/Hazelcast";
    private static final String SEPARATOR = "\n";
    private static final Logger LOG = Logger.getLogger(Cluster.class.getName());

    @Resource
    ManagedExecutorService executor;

    @Inject
    Event<ClusterMessage> messages;

    @Inject
    Event<MembershipChanged> membershipChanges;

    private Grid grid;
    private String localId;

    /**
     * Observing the application's start creates this bean then, so it joins at deployment rather than at its first
     * use: messages and membership changes arrive before any request.
     */
    void joinAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // Nothing else: the creation is the point.
    }

    @PostConstruct
    void join() {
        grid = discover();
        localId = grid.localMemberId();
        grid.listen(this::receive, () -> executor.execute(() -> membershipChanges.fire(new MembershipChanged())));
        LOG.info("Cluster: " + (isClustered() ? grid.members().size() + " member(s) in the Data Grid"
                : "this instance alone"));
    }

    @PreDestroy
    void leave() {
        grid.leave();
    }

    private static Grid discover() {
        try {
            Object hazelcast = new InitialContext().lookup(DATA_GRID_JNDI);
            return (Grid) Class.forName(Cluster.class.getPackageName() + ".HazelcastGrid")
                    .getDeclaredConstructor(Object.class).newInstance(hazelcast);
        } catch (NamingException | ReflectiveOperationException | LinkageError | RuntimeException noGrid) {
            LOG.log(Level.FINE, "No data grid", noGrid);
            return new LocalGrid();
        }
    }

    public boolean isClustered() {
        return !(grid instanceof LocalGrid);
    }

    public String localMemberId() {
        return localId;
    }

    public List<ClusterMember> members() {
        return grid.members();
    }

    /** Tells every other instance; never fails the caller. */
    public void broadcast(String topic, String body) {
        try {
            grid.publish(localId + SEPARATOR + topic + SEPARATOR + body);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not tell the other instances (" + topic + " " + body + "): " + e);
        }
    }

    public SharedMap map(String name, Duration maxIdle) {
        return grid.map(name, maxIdle);
    }

    private void receive(String message) {
        String[] parts = message.split(SEPARATOR, 3);
        if (parts.length == 3 && !parts[0].equals(localId)) {
            executor.execute(() -> messages.fire(new ClusterMessage(parts[1], parts[2])));
        }
    }
}
