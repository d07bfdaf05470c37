package com.subscriptions.auth.control;

import com.subscriptions.audit.control.AuditTrail;
import com.subscriptions.auth.entity.RefreshToken;
import com.subscriptions.auth.entity.TokenRevocation;
import com.subscriptions.platform.control.Caller;
import com.subscriptions.platform.entity.NotAuthenticated;
import com.subscriptions.user.control.PasswordHasher;
import com.subscriptions.user.control.RoleChanged;
import com.subscriptions.user.entity.User;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Login, refresh and logout. A login starts a token family; each refresh uses up its refresh token and issues
 * the next one of the family; a refresh token used twice reveals a copy and revokes the family; logout revokes
 * the access token and its family.
 */
@Stateless
public class Sessions {

    static final String INVALID_LOGIN = "Invalid username/email or password";

    /** Verified when the user does not exist, so that an unknown name costs as much time as a wrong password. */
    private static volatile String dummyHash;

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHasher hasher;

    @Inject
    TokenIssuer issuer;

    @Inject
    RevocationList revocations;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    RateLimiter rateLimiter;

    @PostConstruct
    void prepareDummyHash() {
        if (dummyHash == null) {
            dummyHash = hasher.hash(UUID.randomUUID().toString());
        }
    }

    public LoginResult login(String usernameOrEmail, String password, Caller caller) {
        Optional<User> found = em.createQuery(
                        "select u from User u where u.username = :name or u.email = :name", User.class)
                .setParameter("name", usernameOrEmail).getResultList().stream().findFirst();
        // Counted on the account the name resolved to; an unknown name counts on itself, so that a 429 tells
        // nothing about which accounts exist.
        String account = found.map(user -> "id:" + user.id()).orElseGet(() -> "name:" + normalized(usernameOrEmail));
        rateLimiter.requireLoginAllowed(account);
        boolean valid = hasher.matches(password, found.map(User::passwordHash).orElse(dummyHash));
        if (found.isEmpty() || !valid) {
            rateLimiter.loginFailed(account);
            audit.recordRegardless("login_failed", null, caller.as(found.map(User::id).orElse(null), usernameOrEmail));
            throw new NotAuthenticated(INVALID_LOGIN);
        }
        User user = found.get();
        TokenIssuer.IssuedTokens tokens = startFamily(user, UUID.randomUUID().toString());
        audit.record("login", "user:" + user.id(), caller.as(user.id(), user.username()));
        return new LoginResult(user, tokens);
    }

    /** A typed name as the database's collation compares it: case, accents and trailing spaces do not count. */
    public static String normalized(String name) {
        return Normalizer.normalize(name.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
    }

    /** @param refreshToken the verified refresh token presented as the bearer */
    public TokenIssuer.IssuedTokens refresh(JsonWebToken refreshToken, Caller caller) {
        RefreshToken stored = em.find(RefreshToken.class, refreshToken.getTokenID());
        if (stored == null) {
            throw unauthorized();
        }
        if (!claim(stored)) {
            // Until the family's newest token and any issued in a race with this one have expired.
            Instant familyEnd = familyExpiry(stored.familyId(), clock.instant().plusSeconds(issuer.refreshSeconds()));
            revocations.revoke(TokenRevocation.ofFamily(stored.familyId(), stored.userId(), "refresh_reuse",
                    familyEnd, clock));
            audit.recordRegardless("refresh_reuse_detected", "family:" + stored.familyId(),
                    caller.as(stored.userId(), refreshToken.getName()));
            // The revocation must survive the refusal: commit it before answering 401.
            em.flush();
            throw new RefreshTokenReused();
        }
        User user = em.find(User.class, stored.userId());
        if (user == null) {
            throw unauthorized();
        }
        // The groups are read again from the account: a role granted since login appears, none is lost.
        return startFamily(user, stored.familyId());
    }

    public void logout(JsonWebToken accessToken, Caller caller) {
        long userId = Long.parseLong(accessToken.getSubject());
        Instant accessExpiry = Instant.ofEpochSecond(accessToken.getExpirationTime());
        revocations.revoke(TokenRevocation.ofToken(accessToken.getTokenID(), userId, "logout", accessExpiry, clock));
        String family = accessToken.getClaim(TokenIssuer.FAMILY);
        if (family != null) {
            revocations.revoke(TokenRevocation.ofFamily(family, userId, "logout", familyExpiry(family, accessExpiry),
                    clock));
        }
        audit.record("logout", "user:" + userId, caller.as(userId, accessToken.getName()));
    }

    /** A removed admin role ends the user's sessions, in the transaction that removed it: no token keeps the role. */
    public void endSessionsOnRoleRemoval(@Observes RoleChanged change) {
        if (!change.admin()) {
            endAllSessionsOf(change.userId(), "role_removed");
        }
    }

    /** Revokes every family of the user that still has a live refresh token. */
    public void endAllSessionsOf(long userId, String reason) {
        List<Object[]> families = em.createQuery("select t.familyId, max(t.expiresAt) from RefreshToken t "
                        + "where t.userId = :user and t.expiresAt > :now group by t.familyId", Object[].class)
                .setParameter("user", userId).setParameter("now", clock.instant()).getResultList();
        for (Object[] family : families) {
            revocations.revoke(TokenRevocation.ofFamily((String) family[0], userId, reason, (Instant) family[1], clock));
        }
    }

    private TokenIssuer.IssuedTokens startFamily(User user, String familyId) {
        TokenIssuer.IssuedTokens tokens = issuer.issue(user, familyId);
        em.persist(new RefreshToken(tokens.refreshJti(), familyId, user.id(), clock.instant(),
                tokens.refreshExpiresAt()));
        return tokens;
    }

    /**
     * Marks the token used, atomically: of concurrent refreshes with one token, exactly one update finds it unused
     * (the others wait for its row lock and then see it used).
     */
    private boolean claim(RefreshToken token) {
        return em.createQuery("update RefreshToken t set t.usedAt = :now where t.jti = :jti and t.usedAt is null")
                .setParameter("now", clock.instant()).setParameter("jti", token.jti()).executeUpdate() == 1;
    }

    private Instant familyExpiry(String familyId, Instant atLeast) {
        Instant last = em.createQuery("select max(t.expiresAt) from RefreshToken t where t.familyId = :family",
                Instant.class).setParameter("family", familyId).getSingleResult();
        return last == null || last.isBefore(atLeast) ? atLeast : last;
    }

    private static NotAuthenticated unauthorized() {
        return new NotAuthenticated("Invalid or expired token");
    }

    /**
     * Refuses a replayed refresh token without rolling back: the family's revocation, written in this
     * transaction, must stay.
     */
    @jakarta.ejb.ApplicationException(rollback = false)
    static class RefreshTokenReused extends NotAuthenticated {
        RefreshTokenReused() {
            super("Refresh token already used; every session of its login is revoked");
        }
    }

    public record LoginResult(User user, TokenIssuer.IssuedTokens tokens) {
    }
}
