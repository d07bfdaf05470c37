package com.subscriptions.cluster.control;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the service needs from a data grid. Only strings and byte arrays cross it: the grid's members deserialize
 * with their own class loader, which does not see the application's classes.
 */
interface Grid {

    /** This instance's member id, unique for the life of the process. */
    String localMemberId();

    /** The members now in the cluster, this one included. */
    List<ClusterMember> members();

    /** Sends a message to every member (this one too; {@link Cluster} skips its own). */
    void publish(String message);

    /** Calls {@code onMessage} for every message published and {@code onMembershipChange} when members come or go. */
    void listen(Consumer<String> onMessage, Runnable onMembershipChange);

    /** A map shared by every member whose entries go once unwritten and unread for {@code maxIdle}. */
    SharedMap map(String name, Duration maxIdle);

    /** Releases what this instance holds for the grid (the grid itself is the server's). */
    void leave();
}
