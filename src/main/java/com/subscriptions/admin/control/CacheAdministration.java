package com.subscriptions.admin.control;

import com.subscriptions.platform.boundary.ProblemException;
import com.subscriptions.platform.control.AuditTrail;
import com.subscriptions.platform.control.CacheStatistics;
import com.subscriptions.platform.control.ClientInfo;
import com.subscriptions.platform.control.ReadCaches;
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

    public CacheStatistics tune(String name, Integer ttlSeconds, Integer maxEntries, long actorId, String actor,
                                ClientInfo client) {
        caches.tune(known(name), ttlSeconds == null ? null : Duration.ofSeconds(ttlSeconds),
                maxEntries == null ? null : maxEntries.longValue());
        audit.record("cache_tuned", actorId, actor, "cache:" + name + (ttlSeconds == null ? ""
                : " ttl_seconds=" + ttlSeconds) + (maxEntries == null ? "" : " max_entries=" + maxEntries), client);
        return caches.statistics(name);
    }

    public void clear(String name, long actorId, String actor, ClientInfo client) {
        caches.clear(known(name));
        audit.record("cache_cleared", actorId, actor, "cache:" + name, client);
    }

    public void clearAll(long actorId, String actor, ClientInfo client) {
        caches.names().forEach(caches::clear);
        audit.record("cache_cleared", actorId, actor, "cache:*", client);
    }

    private String known(String name) {
        if (!caches.names().contains(name)) {
            throw ProblemException.notFound("No cache " + name + "; the caches are " + String.join(", ",
                    caches.names()));
        }
        return name;
    }
}
