package com.subscriptions.caching.control;

import org.ehcache.expiry.ExpiryPolicy;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Time to live that can be changed while the cache runs: Ehcache fixes a cache's expiry policy when it is
 * created, so the policy itself reads the current setting. A new setting applies to entries created after it.
 */
final class AdjustableExpiry implements ExpiryPolicy<Object, Object> {

    private volatile Duration timeToLive;

    AdjustableExpiry(Duration timeToLive) {
        this.timeToLive = timeToLive;
    }

    Duration timeToLive() {
        return timeToLive;
    }

    void timeToLive(Duration timeToLive) {
        this.timeToLive = timeToLive;
    }

    @Override
    public Duration getExpiryForCreation(Object key, Object value) {
        return timeToLive;
    }

    /** Reading an entry does not extend its life. */
    @Override
    public Duration getExpiryForAccess(Object key, Supplier<?> value) {
        return null;
    }

    @Override
    public Duration getExpiryForUpdate(Object key, Supplier<?> oldValue, Object newValue) {
        return timeToLive;
    }
}
