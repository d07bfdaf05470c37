package com.subscriptions.subscription.control;

import com.subscriptions.paging.control.Page;
import com.subscriptions.paging.control.PageRequest;
import com.subscriptions.paging.control.Positioned;
import com.subscriptions.versioning.control.ApiVersion;
import com.subscriptions.versioning.control.ReadStrategy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * v3: subscriptions read through entity graphs and selected columns ({@link SubscriptionQueries}), the live
 * subscription and the first history pages from the {@link SubscriptionCache}.
 */
@ApplicationScoped
@ReadStrategy(ApiVersion.V3)
public class CachedSubscriptionReads implements SubscriptionReads {

    @Inject
    SubscriptionCache cache;

    @Inject
    SubscriptionQueries queries;

    @Inject
    Clock clock;

    @Override
    public Optional<SubscriptionView> active(long userId) {
        return stillInItsPeriod(cache.live(userId));
    }

    @Override
    public Page<SubscriptionView> history(long userId, HistoryFilter filter, PageRequest page) {
        return history(userId, filter, page, cache::historyHead);
    }

    @Override
    public Page<EventView> events(long userId, PageRequest page) {
        return queries.events(userId, page);
    }

    @Override
    public Page<ExpiringSubscription> expiring(int days, PageRequest page) {
        return queries.expiring(days, page);
    }

    @Override
    public SubscriptionStats stats() {
        return queries.stats();
    }

    /** The same reads, with the {@link SubscriptionQueries} that the cache calls on a miss in place of the cache. */
    @Override
    public SubscriptionReads uncached() {
        return new Uncached();
    }

    /** The cached live subscription holds while its period runs (the lifecycle job moves it on after). */
    private Optional<SubscriptionView> stillInItsPeriod(Optional<SubscriptionView> live) {
        Instant now = clock.instant();
        return live.filter(s -> SubscriptionDefinitions.inPeriod(s.currentPeriodEnd(), now));
    }

    /** Pages inside the head are cut from it; the others are read. */
    private Page<SubscriptionView> history(long userId, HistoryFilter filter, PageRequest page,
                                           LongFunction<Page<Positioned<SubscriptionView>>> heads) {
        boolean inHead = filter.isEmpty() && !page.keyset()
                && page.offset() + page.perPage() <= SubscriptionQueries.HEAD_SIZE;
        if (!inHead) {
            return queries.history(userId, filter, page).map(Positioned::item);
        }
        Page<Positioned<SubscriptionView>> head = heads.apply(userId);
        List<Positioned<SubscriptionView>> rows = head.items().subList(
                (int) Math.min(page.offset(), head.items().size()),
                (int) Math.min(page.offset() + page.perPage(), head.items().size()));
        return Page.of(rows, head.total(), page, Positioned::item,
                Positioned::cursor);
    }

    private final class Uncached implements SubscriptionReads {

        @Override
        public Optional<SubscriptionView> active(long userId) {
            return stillInItsPeriod(queries.live(userId));
        }

        @Override
        public Page<SubscriptionView> history(long userId, HistoryFilter filter, PageRequest page) {
            return CachedSubscriptionReads.this.history(userId, filter, page, queries::historyHead);
        }

        @Override
        public Page<EventView> events(long userId, PageRequest page) {
            return CachedSubscriptionReads.this.events(userId, page);
        }

        @Override
        public Page<ExpiringSubscription> expiring(int days, PageRequest page) {
            return CachedSubscriptionReads.this.expiring(days, page);
        }

        @Override
        public SubscriptionStats stats() {
            return CachedSubscriptionReads.this.stats();
        }
    }
}
