package com.subscriptions.mail.control;

import com.subscriptions.mail.entity.OutboxMail;
import com.subscriptions.platform.control.DatabaseOutages;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The mail dispatcher's transactions, each short and of its own: claiming due mails, and recording how their sending
 * went. No transaction is open while the SMTP server is talked to.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class MailBatch {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    MailSettings settings;

    @Inject
    MeterRegistry metrics;

    @Resource
    SessionContext context;

    @Inject
    DatabaseOutages outages;

    /**
     * Claims up to {@code max} due mails ({@code FOR UPDATE SKIP LOCKED}: another instance's claim is never taken) by
     * leasing them: their next attempt moves past the lease, so they are due again only if this instance dies before
     * recording. Detached once returned.
     */
    public List<OutboxMail> claim(int max) {
        try {
            Instant now = clock.instant();
            @SuppressWarnings("unchecked")
            List<Number> due = em.createNativeQuery("SELECT id FROM outbox_mail WHERE status = 'pending' "
                            + "AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED")
                    .setParameter(1, now).setParameter(2, max).getResultList();
            if (due.isEmpty()) {
                return List.of();
            }
            List<Long> ids = due.stream().map(Number::longValue).toList();
            em.createQuery("update OutboxMail m set m.nextAttemptAt = :lease where m.id in :ids")
                    .setParameter("lease", now.plus(settings.lease())).setParameter("ids", ids).executeUpdate();
            return em.createQuery("select m from OutboxMail m where m.id in :ids order by m.id", OutboxMail.class)
                    .setParameter("ids", ids).getResultList();
        } catch (PersistenceException failure) {
            outages.pollFailed(failure, context);
            return List.of();
        }
    }

    /** @param outcomes per mail id: null when the SMTP server took it, else why not */
    public void record(Map<Long, String> outcomes) {
        Instant now = clock.instant();
        boolean keepBodies = !settings.keepSentBodies().isZero();
        outcomes.forEach((id, error) -> {
            OutboxMail mail = em.find(OutboxMail.class, id);
            if (error == null) {
                mail.sent(now, keepBodies);
                count("sent");
            } else {
                Instant retryAt = settings.retries().next(mail.attempts() + 1, now).orElse(null);
                mail.notSent(now, error, retryAt);
                count(retryAt == null ? "failed" : "retrying");
            }
        });
    }

    private void count(String result) {
        Counter.builder("mail_messages").description("Mail sending attempts by result").tag("result", result)
                .register(metrics).increment();
    }

    /**
     * Sent mails go after the retention; before that, their kept bodies (which may hold a token) after
     * {@code mail.keep-sent-bodies-hours}.
     */
    public void purge() {
        Instant now = clock.instant();
        em.createQuery("delete from OutboxMail m where m.status <> 'pending' and m.createdAt < :before")
                .setParameter("before", now.minus(settings.retention())).executeUpdate();
        em.createQuery("update OutboxMail m set m.textBody = null, m.htmlBody = null where m.status = 'sent' "
                        + "and m.sentAt < :before and m.textBody is not null")
                .setParameter("before", now.minus(settings.keepSentBodies())).executeUpdate();
    }
}
