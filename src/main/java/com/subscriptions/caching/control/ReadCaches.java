package com.subscriptions.caching.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.jsr107.Eh107Configuration;
import org.ehcache.jsr107.EhcacheCachingProvider;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.spi.CachingProvider;

/**
 * The v3 read caches: Ehcache 3 through JCache, on the heap, entries shared by reference (the cached views are
 * immutable). Payara registers its own (Hazelcast) JCache provider too, so Ehcache's is named explicitly. Reads go
 * through {@link #read}, not JCache's annotations: WildFly has no interceptor for those (they would silently cache
 * nothing). Time to live and size per cache come from
 * MicroProfile Config: {@code cache.<name>.ttl-seconds}, {@code cache.<name>.max-entries}.
 */
@ApplicationScoped
public class ReadCaches {

    public static final String PLANS = "plans";
    public static final String PLAN_PAGES = "plan-pages";
    public static final String LIVE_SUBSCRIPTIONS = "live-subscriptions";
    public static final String HISTORY_HEADS = "history-heads";

    private record Defaults(String name, int ttlSeconds, int maxEntries) {
    }

    /** Plans change rarely and every plan write clears their caches; a user's entries are evicted on each write. */
    private static final List<Defaults> DEFAULTS = List.of(
            new Defaults(PLANS, 300, 1_000),
            new Defaults(PLAN_PAGES, 300, 1_000),
            new Defaults(LIVE_SUBSCRIPTIONS, 60, 50_000),
            new Defaults(HISTORY_HEADS, 60, 10_000));

    @Inject
    Config config;

    private CacheManager manager;
    private final Map<String, AdjustableExpiry> expiries = new LinkedHashMap<>();

    @PostConstruct
    void start() {
        ClassLoader loader = getClass().getClassLoader();
        CachingProvider ehcache = Caching.getCachingProvider(EhcacheCachingProvider.class.getName(), loader);
        // Ehcache reads any other URI as the address of an XML configuration; this one is configured in code.
        manager = ehcache.getCacheManager(ehcache.getDefaultURI(), loader);
        for (Defaults defaults : DEFAULTS) {
            String name = defaults.name();
            Duration ttl = Duration.ofSeconds(setting(name, "ttl-seconds", defaults.ttlSeconds()));
            AdjustableExpiry expiry = new AdjustableExpiry(ttl);
            expiries.put(name, expiry);
            manager.createCache(name, Eh107Configuration.fromEhcacheCacheConfiguration(
                    CacheConfigurationBuilder.newCacheConfigurationBuilder(Object.class, Object.class,
                                    ResourcePoolsBuilder.heap(setting(name, "max-entries", defaults.maxEntries())))
                            .withExpiry(expiry)));
            manager.enableStatistics(name, true);
        }
    }

    @PreDestroy
    void stop() {
        manager.close();
    }

    public Set<String> names() {
        return expiries.keySet();
    }

    public Cache<Object, Object> cache(String name) {
        Cache<Object, Object> cache = manager.getCache(name);
        if (cache == null) {
            throw new IllegalArgumentException("No cache " + name);
        }
        return cache;
    }

    public void clear(String name) {
        cache(name).clear();
    }

    /**
     * Changes a cache's time to live (for entries created from now on) and its maximum entries. Ehcache applies a
     * smaller maximum only as entries are added, so shrinking below the current entries empties the cache at once.
     */
    public void tune(String name, Duration timeToLive, Long maxEntries) {
        Cache<Object, Object> cache = cache(name);
        if (timeToLive != null) {
            expiries.get(name).timeToLive(timeToLive);
        }
        if (maxEntries != null) {
            org.ehcache.Cache<?, ?> ehcache = cache.unwrap(org.ehcache.Cache.class);
            ehcache.getRuntimeConfiguration().updateResourcePools(ResourcePoolsBuilder.heap(maxEntries).build());
            if (entries(ehcache) > maxEntries) {
                cache.clear();
            }
        }
    }

    /** The cache's settings and its JCache statistics (kept since the start or the last clear of statistics). */
    public CacheStatistics statistics(String name) {
        org.ehcache.Cache<?, ?> cache = cache(name).unwrap(org.ehcache.Cache.class);
        long entries = entries(cache);
        long maxEntries = cache.getRuntimeConfiguration().getResourcePools()
                .getPoolForResource(org.ehcache.config.ResourceType.Core.HEAP).getSize();
        return CacheStatistics.read(name, entries, maxEntries, expiries.get(name).timeToLive());
    }

    /**
     * The cached result of a read called with these arguments, or the loader's result, then cached. Two concurrent
     * misses may both load: the reads are idempotent, and the last one stored wins.
     */
    @SuppressWarnings("unchecked")
    public <T> T read(String name, Supplier<T> loader, Object... arguments) {
        Cache<Object, Object> cache = cache(name);
        List<Object> key = Arrays.asList(arguments);
        T cached = (T) cache.get(key);
        if (cached != null) {
            return cached;
        }
        T loaded = loader.get();
        cache.put(key, loaded);
        return loaded;
    }

    /** Removes the entry that {@link #read} made for a read called with these arguments. */
    public void evict(String name, Object... arguments) {
        cache(name).remove(Arrays.asList(arguments));
    }

    private static long entries(org.ehcache.Cache<?, ?> cache) {
        long entries = 0;
        for (var ignored : cache) {
            entries++;
        }
        return entries;
    }

    private int setting(String cache, String property, int defaultValue) {
        return config.getOptionalValue("cache." + cache + "." + property, Integer.class).orElse(defaultValue);
    }
}
