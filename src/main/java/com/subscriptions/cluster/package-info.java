/**
 * The instances of the service as one cluster: Payara Micro's Data Grid (its Hazelcast member) carries messages
 * between instances (cache invalidations, revocations, admin changes) and holds the few pieces of shared state
 * (rate-limit buckets, instance reports). Where the server has no grid (WildFly, or Payara with clustering off)
 * the same interface runs on this instance alone. The database stays the source of truth.
 */
package com.subscriptions.cluster;
