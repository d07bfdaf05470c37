package com.subscriptions.cluster.control;

/**
 * A message from another instance, fired as a CDI event on this one (on a container thread). {@code topic} says
 * what it is about; observers ignore the topics they do not handle.
 */
public record ClusterMessage(String topic, String body) {

    public boolean is(String aTopic) {
        return topic.equals(aTopic);
    }
}
