package com.subscriptions.auth.control;

import com.subscriptions.auth.entity.TokenRevocation;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The revoked tokens and token families, in memory, so that checking a request costs no database round trip.
 * A revocation made here is known at once; one made by another instance within {@link #POLL_SECONDS} seconds,
 * when this instance reads the rows revoked since its last look. Expired rows are purged every hour.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RevocationList {

    static final int POLL_SECONDS = 2;

    private final Set<String> revokedTokens = ConcurrentHashMap.newKeySet();
    private final Set<String> revokedFamilies = ConcurrentHashMap.newKeySet();
    private volatile Instant lastSeen = Instant.EPOCH;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @PostConstruct
    void load() {
        pollOtherInstances();
    }

    public boolean isRevoked(String jti, String familyId) {
        return revokedTokens.contains(jti) || (familyId != null && revokedFamilies.contains(familyId));
    }

    /** Stores the revocation (in the caller's transaction) and applies it on this instance at once. */
    public void revoke(TokenRevocation revocation) {
        em.persist(revocation);
        remember(revocation);
    }

    @Schedule(second = "*/" + POLL_SECONDS, minute = "*", hour = "*", persistent = false)
    void pollOtherInstances() {
        Instant now = clock.instant();
        // A little overlap: a row committed late with an earlier revoked_at is still seen.
        Instant since = lastSeen.minusSeconds(POLL_SECONDS * 5L);
        em.createQuery("select r from TokenRevocation r where r.revokedAt > :since and r.expiresAt > :now",
                        TokenRevocation.class)
                .setParameter("since", since).setParameter("now", now)
                .getResultStream().forEach(this::remember);
        lastSeen = now;
    }

    @Schedule(minute = "17", hour = "*", persistent = false)
    void purgeExpired() {
        Instant now = clock.instant();
        em.createQuery("delete from TokenRevocation r where r.expiresAt < :now").setParameter("now", now)
                .executeUpdate();
        em.createQuery("delete from RefreshToken t where t.expiresAt < :now").setParameter("now", now)
                .executeUpdate();
        Set<String> liveTokens = ConcurrentHashMap.newKeySet();
        Set<String> liveFamilies = ConcurrentHashMap.newKeySet();
        em.createQuery("select r from TokenRevocation r", TokenRevocation.class).getResultStream().forEach(r -> {
            liveTokens.add(String.valueOf(r.jti()));
            liveFamilies.add(String.valueOf(r.familyId()));
        });
        // Forget only what expired; never a moment where a live revocation is missing.
        revokedTokens.retainAll(liveTokens);
        revokedFamilies.retainAll(liveFamilies);
    }

    private void remember(TokenRevocation revocation) {
        if (revocation.jti() != null) {
            revokedTokens.add(revocation.jti());
        }
        if (revocation.familyId() != null) {
            revokedFamilies.add(revocation.familyId());
        }
    }
}
