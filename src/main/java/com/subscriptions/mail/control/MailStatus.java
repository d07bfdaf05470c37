package com.subscriptions.mail.control;

import com.subscriptions.webhook.control.OutboxStatus;

/**
 * Mail as configured and its outbox now: whether it is sent at all, to which SMTP server, from which address, whether
 * the bodies of sent mails are kept (for the console), and the outbox's figures.
 */
public record MailStatus(boolean enabled, String smtpServer, String from, boolean keepsSentBodies,
                         OutboxStatus outbox) {
}
