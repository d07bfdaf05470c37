package com.subscriptions.idempotency.control;

import com.subscriptions.idempotency.entity.IdempotencyKey;
import com.subscriptions.platform.control.Constraints;
import com.subscriptions.platform.entity.Conflict;
import com.subscriptions.platform.entity.InconsistentRequest;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Idempotency keys, each step in a transaction of its own, apart from the request's: claim the key (its unique
 * row decides between concurrent repeats), then store the answer, or release the key when the request failed on
 * the server's side so that it can be retried.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class IdempotencyKeys {

    static final Duration KEPT = Duration.ofHours(24);

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * @return the stored answer of an earlier request with this key, to replay; empty when this request claimed
     * the key and must run (then {@link #answer} or {@link #release} it with the returned claim)
     */
    public Claim claim(long userId, String key, String requestHash) {
        Optional<IdempotencyKey> earlier = find(userId, key);
        if (earlier.isEmpty()) {
            Instant now = clock.instant();
            // An expired row not yet purged would block the key's reuse.
            em.createQuery("delete from IdempotencyKey k where k.userId = :user and k.key = :key")
                    .setParameter("user", userId).setParameter("key", key).executeUpdate();
            IdempotencyKey claimed = new IdempotencyKey(userId, key, requestHash, now, now.plus(KEPT));
            try {
                em.persist(claimed);
                em.flush();
                return new Claim(claimed.id(), null);
            } catch (PersistenceException e) {
                if (!Constraints.violated(e, "uq_idempotency_keys_user_key")) {
                    throw e;
                }
                throw inProgress();
            }
        }
        IdempotencyKey stored = earlier.get();
        if (!stored.isFor(requestHash)) {
            throw new InconsistentRequest("This Idempotency-Key was used with a different request; use a new key");
        }
        if (!stored.isAnswered()) {
            throw inProgress();
        }
        return new Claim(null, stored);
    }

    public void answer(long claimId, int status, String contentType, String body) {
        em.find(IdempotencyKey.class, claimId).answered(status, contentType, body);
    }

    public void release(long claimId) {
        Optional.ofNullable(em.find(IdempotencyKey.class, claimId)).ifPresent(em::remove);
    }

    @Schedule(minute = "41", hour = "*", persistent = false)
    void purgeExpired() {
        em.createQuery("delete from IdempotencyKey k where k.expiresAt < :now")
                .setParameter("now", clock.instant()).executeUpdate();
    }

    private Optional<IdempotencyKey> find(long userId, String key) {
        return em.createQuery("select k from IdempotencyKey k where k.userId = :user and k.key = :key "
                        + "and k.expiresAt > :now", IdempotencyKey.class)
                .setParameter("user", userId).setParameter("key", key).setParameter("now", clock.instant())
                .getResultStream().findFirst();
    }

    private static Conflict inProgress() {
        return new Conflict("A request with this Idempotency-Key is still being processed");
    }

    /** Either this request's claim on the key, or the earlier answer to replay. */
    public record Claim(Long claimId, IdempotencyKey replay) {
    }
}
