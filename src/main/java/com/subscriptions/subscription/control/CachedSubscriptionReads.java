package com.subscriptions.subscription.control;

import com.subscriptions.versioning.control.ApiVersion;
import com.subscriptions.paging.control.Page;
import com.subscriptions.paging.control.PageRequest;
import com.subscriptions.paging.control.Positioned;
import com.subscriptions.versioning.control.ReadStrategy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

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

    /** The cached live subscription holds while its period runs (the lifecycle job moves it on after). */
    @Override
    public Optional<SubscriptionView> active(long userId) {
        Instant now = clock.instant();
        return cache.live(userId)
                .filter(s -> SubscriptionDefinitions.inPeriod(s.currentPeriodEnd(), now));
    }

    @Override
    public Page<SubscriptionView> history(long userId, HistoryFilter filter, PageRequest page) {
        boolean inHead = filter.isEmpty() && !page.keyset()
                && page.offset() + page.perPage() <= SubscriptionCache.HEAD_SIZE;
        if (!inHead) {
            return queries.history(userId, filter, page).map(Positioned::item);
        }
        Page<Positioned<SubscriptionView>> head = cache.historyHead(userId);
        List<Positioned<SubscriptionView>> rows = head.items().subList(
                (int) Math.min(page.offset(), head.items().size()),
                (int) Math.min(page.offset() + page.perPage(), head.items().size()));
        return Page.of(rows, head.total(), page, Positioned::item,
                Positioned::cursor);
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
}
