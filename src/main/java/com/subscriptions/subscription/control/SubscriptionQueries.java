package com.subscriptions.subscription.control;

import com.subscriptions.paging.control.Cursor;
import com.subscriptions.paging.control.JpqlQueries;
import com.subscriptions.paging.control.Page;
import com.subscriptions.paging.control.PageRequest;
import com.subscriptions.paging.control.PagedQuery;
import com.subscriptions.paging.control.Positioned;
import com.subscriptions.platform.control.Times;
import com.subscriptions.subscription.entity.SubscriptionStatus;
import com.subscriptions.subscription.entity.UserSubscription;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * v3's queries, one statement each: subscriptions through the {@link UserSubscription#WITH_PLANS} entity graph (the
 * plans come in the same statement), everything else as selected columns. {@link CachedSubscriptionReads} puts
 * caches in front of some of them.
 */
@ApplicationScoped
public class SubscriptionQueries {

    private static final String FETCH_GRAPH = "jakarta.persistence.fetchgraph";
    private static final String EVENT_COLUMNS = "e.id, e.subscriptionId, e.type, e.fromPlanId, e.toPlanId, e.credit, "
            + "e.charge, e.net, e.currency, e.actor, e.createdAt";
    private static final String ENDING_WITHOUT_RENEWAL = "s.status IN ? AND s.currentPeriodEnd BETWEEN ? AND ? "
            + "AND (s.autoRenew = FALSE OR s.cancelAtPeriodEnd = TRUE)";

    /** The newest subscriptions of a history head: page 1 at any page size, the first ten at the default size. */
    static final int HEAD_SIZE = PageRequest.MAX_PER_PAGE;

    private static final HistoryFilter WHOLE_HISTORY = new HistoryFilter(List.of(), null, null);

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** The user's subscription in a live status, whether or not its period has ended yet. */
    public Optional<SubscriptionView> live(long userId) {
        return JpqlQueries.prepare(em, "SELECT s FROM UserSubscription s WHERE s.userId = ? AND s.status IN ?",
                        List.of(userId, SubscriptionStatus.LIVE))
                .setHint(FETCH_GRAPH, em.getEntityGraph(UserSubscription.WITH_PLANS))
                .setMaxResults(1)
                .getResultStream().findFirst().map(s -> SubscriptionView.of((UserSubscription) s));
    }

    /** A history page whose items keep their cursors, so that a cached page can be cut into smaller ones. */
    public Page<Positioned<SubscriptionView>> history(long userId, HistoryFilter filter, PageRequest page) {
        PagedQuery query = PagedQuery.select("s", "UserSubscription", "s").where("s.userId = ?", userId)
                .orderBy("s.createdAt", "s.id", true, cursor -> cursor.key(Instant.class));
        if (!filter.statuses().isEmpty()) {
            query.where("s.status IN ?", filter.statuses());
        }
        if (filter.from() != null) {
            query.where("s.createdAt >= ?", filter.from());
        }
        if (filter.to() != null) {
            query.where("s.createdAt <= ?", filter.to());
        }
        return JpqlQueries.page(em, query, page, withPlans(), row -> {
            UserSubscription s = (UserSubscription) row[0];
            return new Positioned<>(SubscriptionView.of(s), Cursor.of(s.createdAt(), s.id()));
        }, row -> Cursor.of(((UserSubscription) row[0]).createdAt(), ((UserSubscription) row[0]).id()));
    }

    /** The head of the user's history, its newest {@link #HEAD_SIZE} subscriptions (what the cache keeps). */
    public Page<Positioned<SubscriptionView>> historyHead(long userId) {
        return history(userId, WHOLE_HISTORY, PageRequest.offset(1, HEAD_SIZE));
    }

    public Page<EventView> events(long userId, PageRequest page) {
        PagedQuery query = PagedQuery.select(EVENT_COLUMNS, "SubscriptionEvent", "e").where("e.userId = ?", userId)
                .orderBy("e.createdAt", "e.id", true, cursor -> cursor.key(Instant.class));
        return JpqlQueries.page(em, query, page, Map.of(), row -> new EventView((Long) row[0], (Long) row[1],
                        (String) row[2], (Long) row[3], (Long) row[4], row[5] == null ? null : new ProrationView(
                        (BigDecimal) row[5], (BigDecimal) row[6], (BigDecimal) row[7], (String) row[8]),
                        (String) row[9], Times.seconds((Instant) row[10])),
                row -> Cursor.of((Instant) row[10], (Long) row[0]));
    }

    /** With the subscriber's id, username and email only. */
    public Page<ExpiringSubscription> expiring(int days, PageRequest page) {
        Instant now = clock.instant();
        PagedQuery query = PagedQuery.select("s, u.username, u.email", "UserSubscription", "s").join("JOIN s.user u")
                .where(ENDING_WITHOUT_RENEWAL, SubscriptionStatus.LIVE, now, now.plus(Duration.ofDays(days)))
                .orderBy("s.currentPeriodEnd", "s.id", false, cursor -> cursor.key(Instant.class));
        return JpqlQueries.page(em, query, page, withPlans(), row -> {
            UserSubscription s = (UserSubscription) row[0];
            return new ExpiringSubscription(SubscriptionView.of(s),
                    new ExpiringSubscription.Subscriber(s.userId(), (String) row[1], (String) row[2]));
        }, row -> Cursor.of(((UserSubscription) row[0]).currentPeriodEnd(), ((UserSubscription) row[0]).id()));
    }

    /** Five counts, each an index range, in one statement (HQL needs no FROM around them). */
    public SubscriptionStats stats() {
        Instant now = clock.instant();
        Object[] row = (Object[]) JpqlQueries.prepare(em, "SELECT "
                        + "(SELECT COUNT(s) FROM UserSubscription s WHERE s.status = ?), "
                        + "(SELECT COUNT(s) FROM UserSubscription s WHERE s.status = ?), "
                        + "(SELECT COUNT(s) FROM UserSubscription s WHERE " + ENDING_WITHOUT_RENEWAL + "), "
                        + "(SELECT COUNT(s) FROM UserSubscription s WHERE s.createdAt >= ?), "
                        + "(SELECT COUNT(s) FROM UserSubscription s WHERE s.canceledAt >= ?)",
                List.of(SubscriptionStatus.ACTIVE, SubscriptionStatus.TRIAL, SubscriptionStatus.LIVE, now,
                        now.plus(Duration.ofDays(SubscriptionStats.EXPIRING_DAYS)),
                        now.minus(Duration.ofDays(SubscriptionStats.NEW_DAYS)),
                        now.minus(Duration.ofDays(SubscriptionStats.CANCELED_DAYS)))).getSingleResult();
        return new SubscriptionStats(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                ((Number) row[2]).longValue(), ((Number) row[3]).longValue(), ((Number) row[4]).longValue());
    }

    private Map<String, Object> withPlans() {
        return Map.of(FETCH_GRAPH, em.getEntityGraph(UserSubscription.WITH_PLANS));
    }
}
