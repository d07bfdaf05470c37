/**
 * v3's read caches: Ehcache 3 through JCache, named explicitly beside the server's own provider, with TTL and size
 * from configuration, statistics, run-time tuning and clearing by the admin, and gauges at {@code /metrics}.
 */
package com.subscriptions.caching;
