package com.subscriptions.cluster.control;

/** An instance as the cluster knows it: its member id, its address in the cluster, whether it is this instance. */
public record ClusterMember(String id, String address, boolean local) {
}
