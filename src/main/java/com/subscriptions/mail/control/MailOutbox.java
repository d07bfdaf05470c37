package com.subscriptions.mail.control;

import com.subscriptions.auth.control.AccountLinkIssued;
import com.subscriptions.auth.control.UnsubscribeTokens;
import com.subscriptions.auth.entity.AccountToken;
import com.subscriptions.mail.entity.MailKind;
import com.subscriptions.mail.entity.OutboxMail;
import com.subscriptions.platform.control.WakeUpThread;
import com.subscriptions.user.entity.User;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes mails to the outbox in the transaction of what they tell, rendered then (a retry sends the same message).
 * Nothing is written when no SMTP server is configured, nor an optional notification to a user who turned them off.
 */
@ApplicationScoped
public class MailOutbox {

    @PersistenceContext
    EntityManager em;

    @Inject
    MailSettings settings;

    @Inject
    UnsubscribeTokens unsubscribeTokens;

    @Inject
    Clock clock;

    @Inject
    Event<MailQueued> queued;

    @Inject
    MailDispatcher dispatcher;

    @Resource
    ManagedThreadFactory threads;

    private WakeUpThread wakeUp;

    @PostConstruct
    void startWakeUps() {
        wakeUp = new WakeUpThread(threads, "mail-wake-up", Duration.ZERO, dispatcher::wake);
    }

    @PreDestroy
    void stopWakeUps() {
        wakeUp.close();
    }

    /** The verification and password-reset links: pages of the service that send the token to the API. */
    void mailAccountLink(@Observes AccountLinkIssued issued) {
        boolean verify = issued.purpose() == AccountToken.Purpose.VERIFY_EMAIL;
        String page = verify ? "/account/verify-email.html" : "/account/reset-password.html";
        queue(issued.user(), verify ? MailKind.VERIFY_EMAIL : MailKind.RESET_PASSWORD, Map.of(
                "email", issued.user().email(),
                "link", settings.publicUrl() + page + "#token=" + issued.token(),
                "valid_for", describe(issued.validFor())), null);
    }

    /**
     * Writes the mail unless the user does not want it.
     * @param dedupeKey for a mail that may be written twice (by two instances' jobs): the second is not written
     * @return whether it was written
     */
    public boolean queue(User user, MailKind kind, Map<String, String> values, String dedupeKey) {
        if (!settings.enabled() || kind.optional() && !user.emailNotifications()) {
            return false;
        }
        Map<String, String> all = new HashMap<>(values);
        all.put("username", user.username());
        all.put("service_url", settings.publicUrl() + "/");
        all.put("unsubscribe_url", settings.publicUrl() + "/account/unsubscribe.html#token="
                + unsubscribeTokens.tokenFor(user.id()));
        OutboxMail mail = new OutboxMail(user.id(), user.email(), kind, dedupeKey, MailTemplates.render(kind, all),
                settings.senderDomain(), clock.instant());
        if (dedupeKey != null && !em.createQuery("select m.id from OutboxMail m where m.dedupeKey = :key", Long.class)
                .setParameter("key", dedupeKey).getResultList().isEmpty()) {
            return false;
        }
        em.persist(mail);
        queued.fire(new MailQueued());
        return true;
    }

    /** "48 hours", "30 minutes". */
    static String describe(Duration duration) {
        return duration.toMinutes() % 60 == 0 ? duration.toHours() + " hours" : duration.toMinutes() + " minutes";
    }

    /** On another thread, as the webhook dispatcher's wake-up (see EventOutbox). */
    void wakeDispatcherAfterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) MailQueued mailQueued) {
        wakeUp.request();
    }
}
