package com.subscriptions.auth.control;

import com.subscriptions.auth.entity.AccountToken;
import com.subscriptions.user.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Issues and spends the single-use tokens of verification and password reset, in the caller's transaction. */
@ApplicationScoped
public class AccountTokens {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** A new token; the user's earlier unused ones of the purpose stop working (only the latest mail's link works). */
    public String issue(User user, AccountToken.Purpose purpose, Duration lifetime) {
        em.createQuery("update AccountToken t set t.usedAt = :now where t.userId = :user and t.purpose = :purpose "
                        + "and t.usedAt is null")
                .setParameter("now", clock.instant()).setParameter("user", user.id())
                .setParameter("purpose", purpose.value()).executeUpdate();
        AccountToken.Issued issued = AccountToken.issue(user, purpose, lifetime, clock);
        em.persist(issued.stored());
        return issued.token();
    }

    /**
     * Uses the token up, atomically: of concurrent uses exactly one finds it unused (the others wait for its row lock,
     * then see it used). @return the token if it was valid and unused
     */
    public Optional<AccountToken> spend(String token, AccountToken.Purpose purpose) {
        String hash = AccountToken.hash(token);
        Instant now = clock.instant();
        int spent = em.createQuery("update AccountToken t set t.usedAt = :now where t.tokenHash = :hash "
                        + "and t.purpose = :purpose and t.usedAt is null and t.expiresAt > :now")
                .setParameter("now", now).setParameter("hash", hash).setParameter("purpose", purpose.value())
                .executeUpdate();
        if (spent != 1) {
            return Optional.empty();
        }
        return em.createQuery("select t from AccountToken t where t.tokenHash = :hash", AccountToken.class)
                .setParameter("hash", hash).getResultList().stream().findFirst();
    }

    /** Expired tokens are of no use to anyone: the hourly purge deletes them. */
    public void purgeExpired(Instant now) {
        em.createQuery("delete from AccountToken t where t.expiresAt < :now").setParameter("now", now).executeUpdate();
    }
}
