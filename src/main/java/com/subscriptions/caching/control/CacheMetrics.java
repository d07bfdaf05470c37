package com.subscriptions.caching.control;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Counters at {@code /metrics} for what the admin console shows of the caches: hits, misses and evictions. */
@ApplicationScoped
public class CacheMetrics {

    @Inject
    MeterRegistry registry;

    @Inject
    ReadCaches caches;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        for (String name : caches.names()) {
            cacheCounter("cache_hits", "Cache hits since start", name, "CacheHits");
            cacheCounter("cache_misses", "Cache misses since start", name, "CacheMisses");
            cacheCounter("cache_evictions", "Cache evictions since start", name, "CacheEvictions");
        }
    }

    /**
     * Reads the JCache counter alone: the full statistics would also count the cache's entries, one by one. The
     * counter holds its state object weakly, so that object is this bean, which lives as long as the application.
     */
    private void cacheCounter(String metric, String description, String cache, String counter) {
        FunctionCounter.builder(metric, this, bean -> CacheStatistics.counter(cache, counter))
                .description(description).tag("cache", cache).register(registry);
    }
}
