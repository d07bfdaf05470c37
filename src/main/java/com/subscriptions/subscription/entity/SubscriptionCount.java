package com.subscriptions.subscription.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * One hour bucket of one of the dashboard's counts (see the changeset {@code 010-subscription-counts}): the
 * database's triggers keep it in the transaction of every subscription change, the application only reads it.
 */
@Entity
@Table(name = "subscription_counts")
@IdClass(SubscriptionCount.Key.class)
public class SubscriptionCount {

    @Id
    private String metric;

    @Id
    private Instant bucket;

    @Id
    private int slot;

    @Column(name = "n")
    private long n;

    protected SubscriptionCount() {
    }

    /** The primary key: metric, bucket and slot. */
    public static class Key implements Serializable {

        private String metric;
        private Instant bucket;
        private int slot;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && slot == key.slot && Objects.equals(metric, key.metric)
                    && Objects.equals(bucket, key.bucket);
        }

        @Override
        public int hashCode() {
            return Objects.hash(metric, bucket, slot);
        }
    }
}
