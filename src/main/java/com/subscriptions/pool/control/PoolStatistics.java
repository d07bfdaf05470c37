package com.subscriptions.pool.control;

/**
 * The connection pool now: connections in use and free, waiting requests, totals since start, and its settings.
 * {@code acquired} is null on a server that does not count it (WildFly).
 */
public record PoolStatistics(long inUse, long free, long waiting, long maxUsed, long averageWaitMillis, long created,
                             long destroyed, Long acquired, long steadyPoolSize, long maxPoolSize,
                             long maxWaitMillis) {
}
