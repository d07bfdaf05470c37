package com.subscriptions.mail.entity;

import com.subscriptions.platform.entity.OutboxRow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A rendered mail waiting in the outbox, written in the transaction of what it tells. Pending until the SMTP server
 * accepts it (sent) or the retries are spent (failed); every attempt sends it under the same {@code Message-ID}.
 * Its bodies may carry a single-use token: they are dropped once sent unless the settings keep them.
 */
@Entity
@Table(name = "outbox_mail")
public class OutboxMail extends OutboxRow {

    public static final String SENT = "sent";

    @Column(name = "message_id")
    private String messageId;

    @Column(name = "user_id")
    private Long userId;

    private String recipient;

    private String kind;

    /** Set when a job could write the same mail twice: the unique key keeps one. */
    @Column(name = "dedupe_key")
    private String dedupeKey;

    private String subject;

    @Column(name = "text_body")
    private String textBody;

    @Column(name = "html_body")
    private String htmlBody;

    @Column(name = "sent_at")
    private Instant sentAt;

    protected OutboxMail() {
        // for JPA
    }

    public OutboxMail(Long userId, String recipient, MailKind kind, String dedupeKey, RenderedMail mail, String domain,
                      Instant now) {
        super(now);
        this.dedupeKey = dedupeKey;
        this.messageId = "<" + UUID.randomUUID() + "@" + domain + ">";
        this.userId = userId;
        this.recipient = recipient;
        this.kind = kind.value();
        this.subject = mail.subject();
        this.textBody = mail.text();
        this.htmlBody = mail.html();
    }

    /** The SMTP server took it. Its bodies go unless kept (they may hold a token that is still valid). */
    public void sent(Instant at, boolean keepBodies) {
        succeeded(at, SENT);
        sentAt = at;
        if (!keepBodies) {
            dropBodies();
        }
    }

    /** The SMTP server could not be reached or refused it: a retry at {@code retryAt}, or failed for good when null. */
    public void notSent(Instant at, String error, Instant retryAt) {
        failed(at, error, retryAt);
        if (retryAt == null) {
            dropBodies();
        }
    }

    private void dropBodies() {
        textBody = null;
        htmlBody = null;
    }

    public String messageId() {
        return messageId;
    }

    public Long userId() {
        return userId;
    }

    public String recipient() {
        return recipient;
    }

    public String kind() {
        return kind;
    }

    public String subject() {
        return subject;
    }

    public String textBody() {
        return textBody;
    }

    public String htmlBody() {
        return htmlBody;
    }

    public Instant sentAt() {
        return sentAt;
    }
}
