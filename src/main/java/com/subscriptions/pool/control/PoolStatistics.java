package com.subscriptions.pool.control;

/** The connection pool now: connections in use and free, waiting requests, totals since start, and its settings. */
public record PoolStatistics(long inUse, long free, long waiting, long maxUsed, long averageWaitMillis, long created,
                             long destroyed, long acquired, long steadyPoolSize, long maxPoolSize,
                             long maxWaitMillis) {
}
