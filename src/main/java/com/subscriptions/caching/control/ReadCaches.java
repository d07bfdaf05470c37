package com.subscriptions.caching.control;

import com.subscriptions.cluster.control.Cluster;
import com.subscriptions.cluster.control.ClusterMessage;
import com.subscriptions.cluster.control.MembershipChanged;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.core.internal.statistics.DefaultTierStatistics;
import org.ehcache.core.statistics.TierStatistics;
import org.ehcache.jsr107.Eh107Configuration;
import org.ehcache.jsr107.EhcacheCachingProvider;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Function;
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
 *
 * <p>Each instance keeps its own caches (a near cache); every eviction, clear and tuning is applied here at once and
 * sent to the other instances ({@link Cluster}), which apply it on arrival. When an instance joins or leaves, every
 * instance empties its caches: one that was cut off may have missed evictions, and a cold cache is never stale.
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

    static final String CLUSTER_TOPIC = "cache";
    /** Evictions bump one of these counters per cache (by key), so that a load they overtook is not stored. */
    private static final int GENERATION_STRIPES = 64;

    @Inject
    Config config;

    @Inject
    Cluster cluster;

    private CacheManager manager;
    private final Map<String, AdjustableExpiry> expiries = new LinkedHashMap<>();
    private final Map<String, AtomicLongArray> generations = new LinkedHashMap<>();
    private final Map<String, TierStatistics> heaps = new LinkedHashMap<>();

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
            generations.put(name, new AtomicLongArray(GENERATION_STRIPES));
            manager.createCache(name, Eh107Configuration.fromEhcacheCacheConfiguration(
                    CacheConfigurationBuilder.newCacheConfigurationBuilder(Object.class, Object.class,
                                    ResourcePoolsBuilder.heap(setting(name, "max-entries", defaults.maxEntries())))
                            .withExpiry(expiry)));
            manager.enableStatistics(name, true);
            heaps.put(name, new DefaultTierStatistics(cache(name).unwrap(org.ehcache.Cache.class), "OnHeap"));
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

    /** Empties the cache on every instance. */
    public void clear(String name) {
        clearHere(name);
        cluster.broadcast(CLUSTER_TOPIC, "clear " + name);
    }

    private void clearHere(String name) {
        AtomicLongArray stripes = generations.get(name);
        for (int stripe = 0; stripe < GENERATION_STRIPES; stripe++) {
            stripes.incrementAndGet(stripe);
        }
        cache(name).clear();
    }

    /**
     * Changes a cache's time to live (for entries created from now on) and its maximum entries, on every instance.
     * Ehcache applies a smaller maximum only as entries are added, so shrinking below the current entries empties
     * the cache at once.
     */
    public void tune(String name, Duration timeToLive, Long maxEntries) {
        tuneHere(name, timeToLive, maxEntries);
        cluster.broadcast(CLUSTER_TOPIC, "tune " + name + " " + (timeToLive == null ? "-" : timeToLive.toSeconds())
                + " " + (maxEntries == null ? "-" : maxEntries));
    }

    private void tuneHere(String name, Duration timeToLive, Long maxEntries) {
        Cache<Object, Object> cache = cache(name);
        if (timeToLive != null) {
            expiries.get(name).timeToLive(timeToLive);
        }
        if (maxEntries != null) {
            org.ehcache.Cache<?, ?> ehcache = cache.unwrap(org.ehcache.Cache.class);
            ehcache.getRuntimeConfiguration().updateResourcePools(ResourcePoolsBuilder.heap(maxEntries).build());
            if (entries(name) > maxEntries) {
                cache.clear();
            }
        }
    }

    /** The cache's settings and its JCache statistics (kept since the start or the last clear of statistics). */
    public CacheStatistics statistics(String name) {
        org.ehcache.Cache<?, ?> cache = cache(name).unwrap(org.ehcache.Cache.class);
        long maxEntries = cache.getRuntimeConfiguration().getResourcePools()
                .getPoolForResource(org.ehcache.config.ResourceType.Core.HEAP).getSize();
        return CacheStatistics.read(name, entries(name), maxEntries, expiries.get(name).timeToLive());
    }

    /**
     * The cached result of a read called with these arguments, or the loader's result, then cached. Two concurrent
     * misses may both load: the reads are idempotent. A load that an eviction of its key overtook (it may have read
     * the state before the write) is returned but not kept: the stripe's generation tells.
     */
    @SuppressWarnings("unchecked")
    public <T> T read(String name, Supplier<T> loader, Object... arguments) {
        Cache<Object, Object> cache = cache(name);
        List<Object> key = Arrays.asList(arguments);
        T cached = (T) cache.get(key);
        if (cached != null) {
            return cached;
        }
        AtomicLongArray stripes = generations.get(name);
        int stripe = stripe(key);
        long before = stripes.get(stripe);
        T loaded = loader.get();
        if (stripes.get(stripe) == before) {
            cache.put(key, loaded);
            // An eviction between the check and the put: take the load back out.
            if (stripes.get(stripe) != before) {
                cache.remove(key, loaded);
            }
        }
        return loaded;
    }

    /** Removes, on every instance, the entry that {@link #read} made for a read called with this one argument. */
    public void evict(String name, long argument) {
        evictHere(name, argument);
        cluster.broadcast(CLUSTER_TOPIC, "evict " + name + " " + argument);
    }

    private void evictHere(String name, long argument) {
        List<Object> key = List.of(argument);
        generations.get(name).incrementAndGet(stripe(key));
        cache(name).remove(key);
    }

    private static int stripe(List<Object> key) {
        return Math.floorMod(key.hashCode(), GENERATION_STRIPES);
    }

    /** Applies another instance's eviction, clear or tuning; a cache this version does not know is ignored. */
    void applyFromOtherInstance(@Observes ClusterMessage message) {
        if (!message.is(CLUSTER_TOPIC)) {
            return;
        }
        String[] words = message.body().split(" ");
        if (!expiries.containsKey(words[1])) {
            return;
        }
        switch (words[0]) {
            case "evict" -> evictHere(words[1], Long.parseLong(words[2]));
            case "clear" -> clearHere(words[1]);
            case "tune" -> tuneHere(words[1],
                    unlessDash(words[2], seconds -> Duration.ofSeconds(Long.parseLong(seconds))),
                    unlessDash(words[3], Long::valueOf));
            default -> throw new IllegalArgumentException("Unknown cache message " + message.body());
        }
    }

    /** "-" stands for a setting left as it is. */
    private static <T> T unlessDash(String word, Function<String, T> parse) {
        return "-".equals(word) ? null : parse.apply(word);
    }

    void startColdOnMembershipChange(@Observes MembershipChanged change) {
        names().forEach(this::clearHere);
    }

    /**
     * The entries the heap holds, expired ones among them until a read or an eviction removes them. Read from the heap
     * tier's statistics: counting by iterating would count every entry as a hit (JCache and Ehcache count iteration).
     */
    private long entries(String name) {
        return heaps.get(name).getMappings();
    }

    private int setting(String cache, String property, int defaultValue) {
        return config.getOptionalValue("cache." + cache + "." + property, Integer.class).orElse(defaultValue);
    }
}
