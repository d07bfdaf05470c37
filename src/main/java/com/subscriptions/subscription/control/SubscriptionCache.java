package com.subscriptions.subscription.control;

import com.subscriptions.caching.control.ReadCaches;
import com.subscriptions.paging.control.Page;
import com.subscriptions.paging.control.Positioned;
import com.subscriptions.plan.control.PlansChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import java.util.Optional;

/**
 * v3's per-user caches: the live subscription, and the head of the history (its newest
 * {@link SubscriptionQueries#HEAD_SIZE} subscriptions), from which the first pages are cut. On a miss each calls its
 * {@link SubscriptionQueries} method. A user's entries are evicted after each commit that changes
 * that user's data, whichever API version or job wrote it; a plan write clears them all, since every view embeds
 * its plan.
 */
@ApplicationScoped
public class SubscriptionCache {

    @Inject
    SubscriptionQueries queries;

    @Inject
    ReadCaches caches;

    public Optional<SubscriptionView> live(long userId) {
        return caches.read(ReadCaches.LIVE_SUBSCRIPTIONS, () -> queries.live(userId), userId);
    }

    public Page<Positioned<SubscriptionView>> historyHead(long userId) {
        return caches.read(ReadCaches.HISTORY_HEADS, () -> queries.historyHead(userId), userId);
    }

    void evictAfterUserWrites(@Observes(during = TransactionPhase.AFTER_SUCCESS) SubscriptionsChanged change) {
        caches.evict(ReadCaches.LIVE_SUBSCRIPTIONS, change.userId());
        caches.evict(ReadCaches.HISTORY_HEADS, change.userId());
    }

    void clearAfterPlanWrites(@Observes(during = TransactionPhase.AFTER_SUCCESS) PlansChanged change) {
        caches.clear(ReadCaches.LIVE_SUBSCRIPTIONS);
        caches.clear(ReadCaches.HISTORY_HEADS);
    }
}
