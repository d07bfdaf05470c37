package com.subscriptions.cluster.control;

/**
 * An instance joined or left the cluster, or the cluster healed after a split: messages may have been missed, so
 * observers drop what they derived from them (caches start cold).
 */
public record MembershipChanged() {
}
