package com.subscriptions.subscription.control;

import com.subscriptions.paging.control.Cursor;
import com.subscriptions.paging.control.JpqlQueries;
import com.subscriptions.paging.control.Page;
import com.subscriptions.paging.control.PageRequest;
import com.subscriptions.paging.control.PagedQuery;
import com.subscriptions.paging.control.Positioned;
import com.subscriptions.platform.control.Times;
import com.subscriptions.subscription.control.SubscriptionDefinitions.Condition;
import com.subscriptions.subscription.control.SubscriptionDefinitions.Language;
import com.subscriptions.subscription.entity.UserSubscription;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Tuple;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * v3's queries, one statement each: subscriptions through the {@link UserSubscription#WITH_PLANS} entity graph (the
 * plans come in the same statement), everything else as selected columns. {@link CachedSubscriptionReads} puts
 * caches in front of some of them.
 */
@ApplicationScoped
public class SubscriptionQueries {

    private static final String FETCH_GRAPH = "jakarta.persistence.fetchgraph";
    /** The event's attributes a view reads, each selected under its own name. */
    private static final String EVENT_COLUMNS = Stream.of("id", "subscriptionId", "type", "fromPlanId", "toPlanId",
            "credit", "charge", "net", "currency", "actor", "createdAt").map(a -> "e." + a + " AS " + a)
            .collect(Collectors.joining(", "));
    private static final String SUBSCRIPTION = "subscription";

    /** The newest subscriptions of a history head: page 1 at any page size, the first ten at the default size. */
    static final int HEAD_SIZE = PageRequest.MAX_PER_PAGE;

    private static final HistoryFilter WHOLE_HISTORY = new HistoryFilter(List.of(), null, null);

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** The user's subscription in a live status, whether or not its period has ended yet. */
    public Optional<SubscriptionView> live(long userId) {
        Condition live = SubscriptionDefinitions.live(Language.JPQL, "s");
        List<Object> parameters = new ArrayList<>(List.of(userId));
        parameters.addAll(live.parameters());
        return JpqlQueries.prepare(em, "SELECT s FROM UserSubscription s WHERE s.userId = ? AND " + live.text(),
                        parameters)
                .setHint(FETCH_GRAPH, em.getEntityGraph(UserSubscription.WITH_PLANS))
                .setMaxResults(1)
                .getResultStream().findFirst().map(s -> SubscriptionView.of((UserSubscription) s));
    }

    /** A history page whose items keep their cursors, so that a cached page can be cut into smaller ones. */
    public Page<Positioned<SubscriptionView>> history(long userId, HistoryFilter filter, PageRequest page) {
        PagedQuery query = PagedQuery.select("s AS " + SUBSCRIPTION, "UserSubscription", "s")
                .where("s.userId = ?", userId)
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
            UserSubscription s = subscription(row);
            return new Positioned<>(SubscriptionView.of(s), Cursor.of(s.createdAt(), s.id()));
        }, row -> Cursor.of(subscription(row).createdAt(), subscription(row).id()));
    }

    /** The head of the user's history, its newest {@link #HEAD_SIZE} subscriptions (what the cache keeps). */
    public Page<Positioned<SubscriptionView>> historyHead(long userId) {
        return history(userId, WHOLE_HISTORY, PageRequest.offset(1, HEAD_SIZE));
    }

    public Page<EventView> events(long userId, PageRequest page) {
        PagedQuery query = PagedQuery.select(EVENT_COLUMNS, "SubscriptionEvent", "e").where("e.userId = ?", userId)
                .orderBy("e.createdAt", "e.id", true, cursor -> cursor.key(Instant.class));
        return JpqlQueries.page(em, query, page, Map.of(), SubscriptionQueries::event,
                row -> Cursor.of(row.get("createdAt", Instant.class), row.get("id", Long.class)));
    }

    /** With the subscriber's id, username and email only. */
    public Page<ExpiringSubscription> expiring(int days, PageRequest page) {
        Instant now = clock.instant();
        Instant until = SubscriptionDefinitions.expiringUntil(now, days);
        Condition ending = SubscriptionDefinitions.endingWithoutRenewal(Language.JPQL, "s", now, until);
        Condition total = SubscriptionDefinitions.expression(Language.JPQL,
                SubscriptionDefinitions.endingWithoutRenewalCounted(Language.JPQL, "tc", "ts", now, until), "tc", "ts");
        PagedQuery query = PagedQuery.select("s AS " + SUBSCRIPTION + ", u.username AS username, u.email AS email",
                        "UserSubscription", "s").join("JOIN s.user u")
                .where(ending.text(), ending.values())
                .totalAs(total.text(), total.parameters())
                .orderBy("s.currentPeriodEnd", "s.id", false, cursor -> cursor.key(Instant.class));
        return JpqlQueries.page(em, query, page, withPlans(), row -> {
            UserSubscription s = subscription(row);
            return new ExpiringSubscription(SubscriptionView.of(s), new ExpiringSubscription.Subscriber(s.userId(),
                    row.get("username", String.class), row.get("email", String.class)));
        }, row -> Cursor.of(subscription(row).currentPeriodEnd(), subscription(row).id()));
    }

    /** The five figures from the counts the database keeps, in one statement (HQL needs no FROM). */
    public SubscriptionStats stats() {
        List<String> selected = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        SubscriptionDefinitions.stats(Language.JPQL, "c", "s", clock.instant()).forEach((alias, figure) -> {
            Condition figureJpql = SubscriptionDefinitions.expression(Language.JPQL, figure, "c", "s");
            selected.add(figureJpql.text() + " AS " + alias);
            parameters.addAll(figureJpql.parameters());
        });
        return SubscriptionStats.of(JpqlQueries.prepare(em, "SELECT " + String.join(", ", selected), parameters,
                Tuple.class).getSingleResult());
    }

    private static UserSubscription subscription(Tuple row) {
        return row.get(SUBSCRIPTION, UserSubscription.class);
    }

    private static EventView event(Tuple row) {
        BigDecimal credit = row.get("credit", BigDecimal.class);
        return new EventView(row.get("id", Long.class), row.get("subscriptionId", Long.class),
                row.get("type", String.class), row.get("fromPlanId", Long.class), row.get("toPlanId", Long.class),
                credit == null ? null : new ProrationView(credit, row.get("charge", BigDecimal.class),
                        row.get("net", BigDecimal.class), row.get("currency", String.class)),
                row.get("actor", String.class), Times.seconds(row.get("createdAt", Instant.class)));
    }

    private Map<String, Object> withPlans() {
        return Map.of(FETCH_GRAPH, em.getEntityGraph(UserSubscription.WITH_PLANS));
    }
}
