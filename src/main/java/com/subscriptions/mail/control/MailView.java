package com.subscriptions.mail.control;

import com.subscriptions.mail.entity.OutboxMail;

import java.time.Instant;

/**
 * A mail of the outbox as the admin sees it: {@code status} pending (next attempt at {@code next_attempt_at}), sent
 * or failed (its retries spent); the bodies only where asked for one mail, and only while they are kept.
 */
public record MailView(long id, String messageId, Long userId, String recipient, String kind, String subject,
                       String status, int attempts, Instant nextAttemptAt, Instant lastAttemptAt, String lastError,
                       Instant createdAt, Instant sentAt, String textBody, String htmlBody) {

    public static MailView summary(OutboxMail mail) {
        return of(mail, false);
    }

    public static MailView withBodies(OutboxMail mail) {
        return of(mail, true);
    }

    private static MailView of(OutboxMail mail, boolean bodies) {
        return new MailView(mail.id(), mail.messageId(), mail.userId(), mail.recipient(), mail.kind(), mail.subject(),
                mail.status(), mail.attempts(), mail.nextAttemptAt(), mail.lastAttemptAt(), mail.lastError(),
                mail.createdAt(), mail.sentAt(), bodies ? mail.textBody() : null, bodies ? mail.htmlBody() : null);
    }
}
