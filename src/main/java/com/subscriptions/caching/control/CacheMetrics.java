package com.subscriptions.caching.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/** Gauges at {@code /metrics} for what the admin console shows of the caches: hits, misses and evictions. */
@ApplicationScoped
public class CacheMetrics {

    @Inject
    MetricRegistry registry;

    @Inject
    ReadCaches caches;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        for (String name : caches.names()) {
            Tag cache = new Tag("cache", name);
            cacheGauge("cache_hits", "Cache hits since start", name, "CacheHits", cache);
            cacheGauge("cache_misses", "Cache misses since start", name, "CacheMisses", cache);
            cacheGauge("cache_evictions", "Cache evictions since start", name, "CacheEvictions", cache);
        }
    }

    /** Reads the JCache counter alone: the full statistics would also count the cache's entries, one by one. */
    private void cacheGauge(String metric, String description, String cache, String counter, Tag tag) {
        registry.gauge(Metadata.builder().withName(metric).withDescription(description).build(),
                () -> CacheStatistics.counter(cache, counter), tag);
    }
}
