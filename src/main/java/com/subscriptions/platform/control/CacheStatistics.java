package com.subscriptions.platform.control;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Set;

/** One cache's settings and JCache statistics, as the admin API shows them. */
public record CacheStatistics(String name, long entries, long maxEntries, long ttlSeconds, long hits, long misses,
                              double hitRatio, long evictions, long puts, long removals, double averageGetMicros) {

    /** From the JCache statistics MBean that Ehcache registers for the cache (statistics are enabled for each). */
    static CacheStatistics read(String name, long entries, long maxEntries, Duration ttl) {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            Set<ObjectName> found = server.queryNames(new ObjectName(
                    "javax.cache:type=CacheStatistics,Cache=" + ObjectName.quote(name) + ",*"), null);
            if (found.isEmpty()) {
                found = server.queryNames(new ObjectName("javax.cache:type=CacheStatistics,Cache=" + name + ",*"),
                        null);
            }
            ObjectName bean = found.iterator().next();
            long hits = (Long) server.getAttribute(bean, "CacheHits");
            long misses = (Long) server.getAttribute(bean, "CacheMisses");
            return new CacheStatistics(name, entries, maxEntries, ttl.toSeconds(), hits, misses,
                    hits + misses == 0 ? 0 : (double) hits / (hits + misses),
                    (Long) server.getAttribute(bean, "CacheEvictions"), (Long) server.getAttribute(bean, "CachePuts"),
                    (Long) server.getAttribute(bean, "CacheRemovals"),
                    ((Float) server.getAttribute(bean, "AverageGetTime")).doubleValue());
        } catch (JMException | RuntimeException e) {
            throw new IllegalStateException("No statistics for cache " + name, e);
        }
    }
}
