package com.subscriptions.subscription.control;

import com.subscriptions.paging.control.Cursor;
import com.subscriptions.paging.control.Page;
import com.subscriptions.paging.control.PageRequest;
import com.subscriptions.paging.control.Positioned;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** v3's reads with their caches, and without them (what the query-plan report runs). */
class CachedSubscriptionReadsTest {

    private static final Instant NOW = Instant.parse("2024-03-10T00:00:00Z");
    private static final List<Object> calls = new ArrayList<>();

    private final CachedSubscriptionReads reads = new CachedSubscriptionReads();

    /** Records which of the cache's methods are called; a real one would read and fill its entries. */
    static class RecordingCache extends SubscriptionCache {
        @Override
        public Optional<SubscriptionView> live(long userId) {
            calls.add("cache.live");
            return Optional.of(view(1));
        }

        @Override
        public Page<Positioned<SubscriptionView>> historyHead(long userId) {
            calls.add("cache.historyHead");
            return head();
        }
    }

    static class RecordingQueries extends SubscriptionQueries {
        @Override
        public Optional<SubscriptionView> live(long userId) {
            calls.add("queries.live");
            return Optional.of(view(1));
        }

        @Override
        public Page<Positioned<SubscriptionView>> historyHead(long userId) {
            calls.add("queries.historyHead");
            return head();
        }
    }

    @BeforeEach
    void wire() {
        calls.clear();
        reads.cache = new RecordingCache();
        reads.queries = new RecordingQueries();
        reads.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    }

    @Test
    void cachedReadsGoThroughTheCache() {
        assertThat(reads.active(42)).isPresent();
        assertThat(reads.history(42, new HistoryFilter(List.of(), null, null), PageRequest.offset(1, 20)).items())
                .extracting(SubscriptionView::id).containsExactly(3L, 2L, 1L);
        assertThat(calls).containsExactly("cache.live", "cache.historyHead");
    }

    @Test
    void uncachedReadsRunWhatACacheMissRunsAndNeverTouchTheCache() {
        SubscriptionReads uncached = reads.uncached();
        assertThat(uncached.active(42)).isPresent();
        assertThat(uncached.history(42, new HistoryFilter(List.of(), null, null), PageRequest.offset(2, 2)).items())
                .extracting(SubscriptionView::id).containsExactly(1L);
        assertThat(calls).containsExactly("queries.live", "queries.historyHead");
        assertThat(uncached.uncached()).isSameAs(uncached);
    }

    @Test
    void uncachedActiveStillLeavesOutAnEndedPeriod() {
        reads.queries = new RecordingQueries() {
            @Override
            public Optional<SubscriptionView> live(long userId) {
                return Optional.of(view(1, NOW.minusSeconds(1)));
            }
        };
        assertThat(reads.uncached().active(42)).isEmpty();
    }

    private static Page<Positioned<SubscriptionView>> head() {
        List<Positioned<SubscriptionView>> rows = List.of(3, 2, 1).stream()
                .map(id -> new Positioned<>(view(id), Cursor.of(NOW.minusSeconds(id), id))).toList();
        return Page.of(rows, 3L, PageRequest.offset(1, SubscriptionQueries.HEAD_SIZE), r -> r, Positioned::cursor);
    }

    private static SubscriptionView view(long id) {
        return view(id, NOW.plusSeconds(86_400));
    }

    private static SubscriptionView view(long id, Instant periodEnd) {
        return new SubscriptionView(id, 42, 1, "active", NOW, null, null, null, NOW, periodEnd, "paid", 1, false,
                true, null, NOW, NOW, null);
    }
}
