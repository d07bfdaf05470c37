package com.subscriptions.caching.control;

import com.subscriptions.audit.control.AuditTrail;
import com.subscriptions.platform.control.Caller;
import com.subscriptions.platform.entity.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.List;

/** The admin's view and tuning of v3's read caches; every change is audited. */
@ApplicationScoped
public class CacheAdministration {

    @Inject
    ReadCaches caches;

    @Inject
    AuditTrail audit;

    public List<CacheStatistics> all() {
        return caches.names().stream().map(caches::statistics).toList();
    }

    public CacheStatistics one(String name) {
        return caches.statistics(known(name));
    }

    public CacheStatistics tune(String name, Integer ttlSeconds, Integer maxEntries, Caller caller) {
        caches.tune(known(name), ttlSeconds == null ? null : Duration.ofSeconds(ttlSeconds),
                maxEntries == null ? null : maxEntries.longValue());
        audit.record("cache_tuned", "cache:" + name + (ttlSeconds == null ? ""
                : " ttl_seconds=" + ttlSeconds) + (maxEntries == null ? "" : " max_entries=" + maxEntries), caller);
        return caches.statistics(name);
    }

    public void clear(String name, Caller caller) {
        caches.clear(known(name));
        audit.record("cache_cleared", "cache:" + name, caller);
    }

    public void clearAll(Caller caller) {
        caches.names().forEach(caches::clear);
        audit.record("cache_cleared", "cache:*", caller);
    }

    private String known(String name) {
        if (!caches.names().contains(name)) {
            throw new NotFound("No cache " + name + "; the caches are " + String.join(", ",
                    caches.names()));
        }
        return name;
    }
}
