package com.subscriptions.auth.control;

import com.subscriptions.auth.entity.TokenRevocation;
import com.subscriptions.platform.control.DatabaseOutages;
import com.subscriptions.platform.control.Recurring;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps {@link RevokedTokens} (in memory, so that checking a request costs no database round trip) complete.
 * A revocation made here is known at once; one made by another instance within {@link #POLL_SECONDS} seconds,
 * when this instance reads the rows it has not seen. Rows are read by their id, not by a clock: a row whose
 * transaction commits late, or whose instance's clock is off, is still read. Ids are handed out at insert and
 * committed in any order, so an id skipped below the highest one seen is asked for again at every poll until it
 * appears or {@link #GAP_PATIENCE} has passed (an id burned by a rollback never appears). Expired rows are purged
 * every hour.
 *
 * <p>On a cluster the poll is the safety net: each revocation is also pushed to the other instances once committed
 * ({@link RevocationPush}), which apply it within milliseconds.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RevocationList {

    static final int POLL_SECONDS = 2;
    /** Far longer than any transaction that could still commit a revocation. */
    static final Duration GAP_PATIENCE = Duration.ofMinutes(5);

    /** Only the poller (one scheduled task, never concurrent with itself) reads and writes these two. */
    private long highestId;
    private final Map<Long, Instant> missingIds = new HashMap<>();

    @Inject
    DatabaseOutages outages;

    @Inject
    AccountTokens accountTokens;

    @Inject
    RevokedTokens revoked;

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext context;

    @Inject
    Clock clock;

    @Inject
    Event<TokenRevoked> revocations;

    @Inject
    Recurring recurring;

    @PostConstruct
    void load() {
        pollOtherInstances();
        RevocationList throughTheContainer = context.getBusinessObject(RevocationList.class);
        recurring.every(Duration.ofSeconds(POLL_SECONDS), "Reading revocations",
                () -> pollOnSchedule(throughTheContainer));
        recurring.hourlyAt(17, "Purging expired revocations", throughTheContainer::purgeExpired);
    }

    /**
     * Stores the revocation (in the caller's transaction), applies it on this instance at once and, once committed,
     * on the others.
     */
    public void revoke(TokenRevocation revocation) {
        em.persist(revocation);
        remember(revocation);
        revocations.fire(new TokenRevoked(revocation.jti(), revocation.familyId()));
    }

    /** Applies a revocation that another instance committed. */
    public void rememberRevoked(TokenRevoked revocation) {
        revoked.add(revocation.jti(), revocation.familyId());
    }

    /**
     * Outside a transaction (it only reads). Quiet just after an outage, as the outboxes' dispatchers (the pool is
     * flushed meanwhile).
     */
    private void pollOnSchedule(RevocationList throughTheContainer) {
        if (!outages.recentlyUnavailable()) {
            throughTheContainer.pollNow();
        }
    }

    /**
     * The schedule's read, called through the container (whose entity manager serves a call outside a transaction
     * only within an invocation of a component); for the schedule only.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void pollNow() {
        pollOtherInstances();
    }

    private synchronized void pollOtherInstances() {
        Instant now = clock.instant();
        missingIds.values().removeIf(noticed -> noticed.plus(GAP_PATIENCE).isBefore(now));
        TypedQuery<TokenRevocation> unseen = missingIds.isEmpty()
                ? em.createQuery("select r from TokenRevocation r where r.id > :highest", TokenRevocation.class)
                : em.createQuery("select r from TokenRevocation r where r.id > :highest or r.id in :missing",
                TokenRevocation.class).setParameter("missing", missingIds.keySet());
        unseen.setParameter("highest", highestId).getResultStream()
                .sorted(Comparator.comparing(TokenRevocation::id)).forEach(revocation -> {
                    missingIds.remove(revocation.id());
                    // At start everything below is read at once; after that, ids skipped are waited for.
                    for (long skipped = highestId + 1; highestId > 0 && skipped < revocation.id(); skipped++) {
                        missingIds.put(skipped, now);
                    }
                    highestId = Math.max(highestId, revocation.id());
                    if (revocation.expiresAt().isAfter(now)) {
                        remember(revocation);
                    }
                });
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void purgeExpired() {
        Instant now = clock.instant();
        em.createQuery("delete from TokenRevocation r where r.expiresAt < :now").setParameter("now", now)
                .executeUpdate();
        em.createQuery("delete from RefreshToken t where t.expiresAt < :now").setParameter("now", now)
                .executeUpdate();
        accountTokens.purgeExpired(now);
        Set<String> liveTokens = ConcurrentHashMap.newKeySet();
        Set<String> liveFamilies = ConcurrentHashMap.newKeySet();
        em.createQuery("select r from TokenRevocation r", TokenRevocation.class).getResultStream().forEach(r -> {
            liveTokens.add(String.valueOf(r.jti()));
            liveFamilies.add(String.valueOf(r.familyId()));
        });
        revoked.retainOnly(liveTokens, liveFamilies);
    }

    private void remember(TokenRevocation revocation) {
        revoked.add(revocation.jti(), revocation.familyId());
    }
}
