package com.subscriptions.mail.control;

import com.subscriptions.mail.entity.OutboxMail;
import com.subscriptions.platform.entity.NotFound;
import com.subscriptions.webhook.control.OutboxStatus;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.time.Clock;
import java.util.List;

/** The admin's view of the mail outbox: what was sent to whom, what waits, what failed. */
@Stateless
public class MailLog {

    @PersistenceContext
    EntityManager em;

    @Inject
    MailSettings settings;

    @Inject
    Clock clock;

    /** Newest first, by the primary key or, for one user, ix_outbox_mail_user. */
    public List<MailView> recent(Long userId, Long beforeId, int limit) {
        TypedQuery<OutboxMail> query = em.createQuery("select m from OutboxMail m where m.id < :before"
                        + (userId == null ? "" : " and m.userId = :user") + " order by m.id desc", OutboxMail.class)
                .setParameter("before", beforeId == null ? Long.MAX_VALUE : beforeId).setMaxResults(limit);
        if (userId != null) {
            query.setParameter("user", userId);
        }
        return query.getResultList().stream().map(MailView::summary).toList();
    }

    public MailView one(long id) {
        OutboxMail mail = em.find(OutboxMail.class, id);
        if (mail == null) {
            throw new NotFound("Mail " + id + " not found");
        }
        return MailView.withBodies(mail);
    }

    public OutboxStatus outboxStatus() {
        return OutboxStatus.of(em, "outbox_mail", clock.instant());
    }

    /** Whether mail is sent at all (an SMTP server is configured), and where from. */
    public MailStatus status() {
        return new MailStatus(settings.enabled(), settings.enabled() ? settings.host() + ":" + settings.port() : null,
                settings.sender().toString(), !settings.keepSentBodies().isZero(), outboxStatus());
    }
}
