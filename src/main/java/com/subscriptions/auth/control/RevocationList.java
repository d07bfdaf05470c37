package com.subscriptions.auth.control;

import com.subscriptions.auth.entity.TokenRevocation;
import com.subscriptions.platform.control.DatabaseOutages;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
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
import java.util.logging.Level;
import java.util.logging.Logger;

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

    /** Only the poller (one timer, never concurrent with itself) reads and writes these two. */
    private long highestId;
    private final Map<Long, Instant> missingIds = new HashMap<>();

    private static final Logger LOG = Logger.getLogger(RevocationList.class.getName());

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

    @PostConstruct
    void load() {
        pollOtherInstances();
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
     * Outside a transaction (it only reads) and never failing: a timer whose call fails is dropped by the container
     * for good, and a database outage must not end the polling.
     */
    @Schedule(second = "*/" + POLL_SECONDS, minute = "*", hour = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void pollOtherInstancesOnTimer() {
        if (outages.recentlyUnavailable()) {
            // Payara runs the call in a container transaction: on a dead pooled connection its commit fails in the
            // container, out of this method's reach, and after such failures Payara called the timer no more (seen:
            // another instance's revocations never applied after a frozen database). The pool is flushed meanwhile.
            return;
        }
        try {
            pollOtherInstances();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not read revocations; next try in " + POLL_SECONDS + " s: " + e);
        }
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

    /** The purge in a transaction of its own, so that its failure cannot drop the timer (see above). */
    @Schedule(minute = "17", hour = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void purgeExpiredOnTimer() {
        try {
            context.getBusinessObject(RevocationList.class).purgeExpired();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not purge expired revocations; next try in an hour: " + e);
        }
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
