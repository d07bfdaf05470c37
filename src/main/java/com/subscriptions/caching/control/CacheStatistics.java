package com.subscriptions.caching.control;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Set;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/** One cache's settings and JCache statistics, as the admin API shows them. */
public record CacheStatistics(String name, long entries, long maxEntries, long ttlSeconds, long hits, long misses,
                              double hitRatio, long evictions, long puts, long removals, double averageGetMicros) {

    /** From the JCache statistics MBean that Ehcache registers for the cache (statistics are enabled for each). */
    static CacheStatistics read(String name, long entries, long maxEntries, Duration ttl) {
        long hits = counter(name, "CacheHits");
        long misses = counter(name, "CacheMisses");
        return new CacheStatistics(name, entries, maxEntries, ttl.toSeconds(), hits, misses,
                hits + misses == 0 ? 0 : (double) hits / (hits + misses), counter(name, "CacheEvictions"),
                counter(name, "CachePuts"), counter(name, "CacheRemovals"),
                ((Float) attribute(name, "AverageGetTime")).doubleValue());
    }

    /** One counter of the cache's JCache statistics ({@code CacheHits}, {@code CacheMisses}, …). */
    public static long counter(String cache, String name) {
        return (Long) attribute(cache, name);
    }

    private static Object attribute(String cache, String name) {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            Set<ObjectName> found = server.queryNames(new ObjectName(
                    "javax.cache:type=CacheStatistics,Cache=" + ObjectName.quote(cache) + ",*"), null);
            if (found.isEmpty()) {
                found = server.queryNames(new ObjectName("javax.cache:type=CacheStatistics,Cache=" + cache + ",*"),
                        null);
            }
            return server.getAttribute(found.iterator().next(), name);
        } catch (JMException | RuntimeException e) {
            throw new IllegalStateException("No statistic " + name + " for cache " + cache, e);
        }
    }
}
