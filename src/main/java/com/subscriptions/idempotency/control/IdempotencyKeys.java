package com.subscriptions.idempotency.control;

import com.subscriptions.idempotency.entity.IdempotencyKey;
import com.subscriptions.platform.control.Recurring;
import com.subscriptions.platform.entity.Conflict;
import com.subscriptions.platform.entity.InconsistentRequest;
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
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Idempotency keys, each step in a transaction of its own, apart from the request's: claim the key, then store the
 * answer, or release the key when the request failed on the server's side so that it can be retried.
 * <p>
 * Every step is one conditional statement, so that concurrent repeats cannot both win: the claim is an
 * {@code INSERT IGNORE} on the (user, key) unique row (exactly one inserts; the others find the row), and answer,
 * release and take-over only touch the row while it is still the same claim. An unanswered claim is a lease of
 * {@link #LEASE}: if its holder died (the server killed mid-request), a repeat after that takes it over and runs
 * the request once; a committed change it made is then met by the use case's own rules (a second subscribe is 409).
 */
@Startup
@Singleton
@DependsOn("DatabaseMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class IdempotencyKeys {

    static final Duration KEPT = Duration.ofHours(24);
    /** Longer than any request may take (statements and transactions are bounded well below it). */
    public static final Duration LEASE = Duration.ofSeconds(60);

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext context;

    @Inject
    Clock clock;

    @Inject
    Recurring recurring;

    /**
     * @return either this request's claim on the key (then it must run, and {@link #answer} or {@link #release}
     * it), or the stored answer of an earlier request with this key, to replay
     * @throws Conflict while another request holds the key
     * @throws InconsistentRequest when the key came with another request before
     */
    public Claim claim(long userId, String key, String requestHash) {
        Instant now = clock.instant();
        Optional<Claim> fresh = insert(userId, key, requestHash, now);
        if (fresh.isPresent()) {
            return fresh.get();
        }
        IdempotencyKey stored = find(userId, key).orElseThrow(IdempotencyKeys::inProgress);
        if (stored.isExpired(now)) {
            // Not yet purged: removed by its id alone (a range delete would lock the gap against other claims).
            em.createQuery("delete from IdempotencyKey k where k.id = :id and k.expiresAt <= :now")
                    .setParameter("id", stored.id()).setParameter("now", now).executeUpdate();
            return insert(userId, key, requestHash, now).orElseThrow(IdempotencyKeys::inProgress);
        }
        if (!stored.isFor(requestHash)) {
            throw new InconsistentRequest("This Idempotency-Key was used with a different request; use a new key");
        }
        if (stored.isAnswered()) {
            return new Claim(null, null, stored);
        }
        if (stored.isAbandoned(now, LEASE) && em.createQuery("update IdempotencyKey k set k.claimedAt = :now "
                        + "where k.id = :id and k.status is null and k.claimedAt = :seen")
                .setParameter("now", now).setParameter("id", stored.id()).setParameter("seen", stored.claimedAt())
                .executeUpdate() == 1) {
            return new Claim(stored.id(), now, null);
        }
        throw inProgress();
    }

    /** Stores the answer, if the claim is still this request's (not taken over after its lease). */
    public void answer(Claim claim, int status, String contentType, String body) {
        em.createQuery("update IdempotencyKey k set k.status = :status, k.contentType = :type, "
                        + "k.responseBody = :body where k.id = :id and k.claimedAt = :claimed and k.status is null")
                .setParameter("status", status).setParameter("type", contentType).setParameter("body", body)
                .setParameter("id", claim.claimId()).setParameter("claimed", claim.claimedAt()).executeUpdate();
    }

    /** Frees the key for a retry, if the claim is still this request's. */
    public void release(Claim claim) {
        em.createQuery("delete from IdempotencyKey k where k.id = :id and k.claimedAt = :claimed and k.status is null")
                .setParameter("id", claim.claimId()).setParameter("claimed", claim.claimedAt()).executeUpdate();
    }

    @PostConstruct
    void schedulePurge() {
        IdempotencyKeys throughTheContainer = context.getBusinessObject(IdempotencyKeys.class);
        recurring.hourlyAt(41, "Purging expired Idempotency-Keys", throughTheContainer::purgeExpired);
    }

    public void purgeExpired() {
        em.createQuery("delete from IdempotencyKey k where k.expiresAt < :now")
                .setParameter("now", clock.instant()).executeUpdate();
    }

    /** @return this request's claim when it inserted the key's row; empty when a row for the key exists */
    private Optional<Claim> insert(long userId, String key, String requestHash, Instant now) {
        boolean inserted = em.createNativeQuery("INSERT IGNORE INTO idempotency_keys (user_id, idem_key, request_hash, "
                        + "claimed_at, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)")
                .setParameter(1, userId).setParameter(2, key).setParameter(3, requestHash).setParameter(4, now)
                .setParameter(5, now).setParameter(6, now.plus(KEPT)).executeUpdate() == 1;
        return inserted ? Optional.of(new Claim(find(userId, key).orElseThrow().id(), now, null)) : Optional.empty();
    }

    private Optional<IdempotencyKey> find(long userId, String key) {
        return em.createQuery("select k from IdempotencyKey k where k.userId = :user and k.key = :key",
                        IdempotencyKey.class)
                .setParameter("user", userId).setParameter("key", key).getResultList().stream().findFirst();
    }

    private static Conflict inProgress() {
        return new Conflict("A request with this Idempotency-Key is still being processed");
    }

    /** Either this request's claim on the key (its row and when it was claimed), or the earlier answer to replay. */
    public record Claim(Long claimId, Instant claimedAt, IdempotencyKey replay) {
    }
}
