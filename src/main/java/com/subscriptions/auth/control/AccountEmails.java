package com.subscriptions.auth.control;

import com.subscriptions.audit.control.AuditTrail;
import com.subscriptions.auth.entity.AccountToken;
import com.subscriptions.platform.control.Caller;
import com.subscriptions.platform.entity.Conflict;
import com.subscriptions.platform.entity.InvalidInput;
import com.subscriptions.platform.entity.NotFound;
import com.subscriptions.user.control.PasswordHasher;
import com.subscriptions.user.control.PasswordPolicy;
import com.subscriptions.user.control.UserRegistered;
import com.subscriptions.user.entity.User;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * What the account does by mail: verifying the address (a link sent at registration, and again on request), resetting
 * a forgotten password, and the opt-out link of notifications. Each token travels only in the mail, which the outbox
 * writes in the same transaction ({@link AccountLinkIssued}).
 */
@Stateless
public class AccountEmails {

    static final String INVALID_TOKEN = "is invalid, expired or already used";

    @PersistenceContext
    EntityManager em;

    @Inject
    AccountTokens tokens;

    @Inject
    UnsubscribeTokens unsubscribeTokens;

    @Inject
    Event<AccountLinkIssued> issued;

    @Inject
    RateLimiter rateLimiter;

    @Inject
    Sessions sessions;

    @Inject
    PasswordHasher hasher;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "mail.verification-hours", defaultValue = "48")
    int verificationHours;

    @Inject
    @ConfigProperty(name = "mail.password-reset-minutes", defaultValue = "30")
    int resetMinutes;

    public void verifyOnRegistration(@Observes UserRegistered registered) {
        issue(registered.user(), AccountToken.Purpose.VERIFY_EMAIL, Duration.ofHours(verificationHours));
    }

    /** Another verification mail (the earlier links stop working); a few an hour per account. */
    public void resendVerification(long userId, Caller caller) {
        User user = em.find(User.class, userId);
        if (user == null) {
            throw new NotFound("User " + userId + " not found");
        }
        if (user.emailVerified()) {
            throw new Conflict("Your email address is already verified");
        }
        rateLimiter.attemptMail("verify", "id:" + userId);
        issue(user, AccountToken.Purpose.VERIFY_EMAIL, Duration.ofHours(verificationHours));
        audit.record("verification_sent", "user:" + userId, caller);
    }

    /** Uses a verification token up: the address it was sent to is verified, if it is still the account's. */
    public User verifyEmail(String token, Caller caller) {
        AccountToken spent = tokens.spend(token, AccountToken.Purpose.VERIFY_EMAIL)
                .orElseThrow(AccountEmails::invalidToken);
        User user = em.find(User.class, spent.userId());
        if (user == null || !user.verifyEmail(spent.email(), clock)) {
            throw invalidToken();
        }
        audit.record("email_verified", "user:" + user.id(), caller.as(user.id(), user.username()));
        return user;
    }

    /**
     * Mails a reset link if the address has an account and its hourly allowance is not spent; says nothing either
     * way, so that nobody learns which addresses have accounts.
     */
    public void requestPasswordReset(String email, Caller caller) {
        Optional<User> user = em.createQuery("select u from User u where u.email = :email", User.class)
                .setParameter("email", email).getResultList().stream().findFirst();
        if (user.isPresent() && rateLimiter.tryMail("reset", "id:" + user.get().id())) {
            issue(user.get(), AccountToken.Purpose.RESET_PASSWORD, Duration.ofMinutes(resetMinutes));
            audit.record("password_reset_requested", "user:" + user.get().id(), caller);
        }
    }

    /**
     * Sets a new password with a reset token: the password is checked before the token is used (a weak one leaves it
     * valid), then every session of the user ends. The link reached the address: it counts as verified.
     */
    public void resetPassword(String token, String newPassword, Caller caller) {
        AccountToken valid = em.createQuery("select t from AccountToken t where t.tokenHash = :hash "
                        + "and t.purpose = :purpose and t.usedAt is null and t.expiresAt > :now", AccountToken.class)
                .setParameter("hash", AccountToken.hash(token))
                .setParameter("purpose", AccountToken.Purpose.RESET_PASSWORD.value())
                .setParameter("now", clock.instant()).getResultList().stream().findFirst()
                .orElseThrow(AccountEmails::invalidToken);
        User user = em.find(User.class, valid.userId());
        PasswordPolicy.problemWith(newPassword, user.username())
                .ifPresent(problem -> { throw InvalidInput.of("password", problem); });
        if (tokens.spend(token, AccountToken.Purpose.RESET_PASSWORD).isEmpty()) {
            throw invalidToken(); // a concurrent reset used it first
        }
        user.changePassword(hasher.hash(newPassword), clock);
        user.verifyEmail(valid.email(), clock);
        sessions.endAllSessionsOf(user.id(), "password_reset");
        audit.record("password_reset", "user:" + user.id(), caller.as(user.id(), user.username()));
    }

    /** The opt-out link of a notification mail: turns that user's notifications off. */
    public void unsubscribe(String token, Caller caller) {
        User user = unsubscribeTokens.userOf(token).map(id -> em.find(User.class, id))
                .orElseThrow(AccountEmails::invalidToken);
        if (user.emailNotifications()) {
            user.receiveNotifications(false, clock);
            audit.record("notifications_off", "user:" + user.id(), caller.as(user.id(), user.username()));
        }
    }

    private void issue(User user, AccountToken.Purpose purpose, Duration lifetime) {
        issued.fire(new AccountLinkIssued(user, purpose, tokens.issue(user, purpose, lifetime), lifetime));
    }

    private static InvalidInput invalidToken() {
        return InvalidInput.of("token", INVALID_TOKEN);
    }
}
