package com.subscriptions.mail.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
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
public class OutboxMail {

    public static final String PENDING = "pending";
    public static final String SENT = "sent";
    public static final String FAILED = "failed";
    private static final int ERROR_LENGTH = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

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

    private String status;

    private int attempts;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "last_attempt_at")
    private Instant lastAttemptAt;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    protected OutboxMail() {
        // for JPA
    }

    public OutboxMail(Long userId, String recipient, MailKind kind, String dedupeKey, RenderedMail mail, String domain,
                      Instant now) {
        this.dedupeKey = dedupeKey;
        this.messageId = "<" + UUID.randomUUID() + "@" + domain + ">";
        this.userId = userId;
        this.recipient = recipient;
        this.kind = kind.value();
        this.subject = mail.subject();
        this.textBody = mail.text();
        this.htmlBody = mail.html();
        this.status = PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    /** The SMTP server took it. Its bodies go unless kept (they may hold a token that is still valid). */
    public void sent(Instant at, boolean keepBodies) {
        attempts++;
        lastAttemptAt = at;
        lastError = null;
        status = SENT;
        sentAt = at;
        nextAttemptAt = null;
        if (!keepBodies) {
            dropBodies();
        }
    }

    /** The SMTP server could not be reached or refused it: a retry at {@code retryAt}, or failed for good when null. */
    public void notSent(Instant at, String error, Instant retryAt) {
        attempts++;
        lastAttemptAt = at;
        lastError = error == null ? null : error.substring(0, Math.min(error.length(), ERROR_LENGTH));
        nextAttemptAt = retryAt;
        if (retryAt == null) {
            status = FAILED;
            dropBodies();
        }
    }

    private void dropBodies() {
        textBody = null;
        htmlBody = null;
    }

    public Long id() {
        return id;
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

    public String status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public Instant lastAttemptAt() {
        return lastAttemptAt;
    }

    public String lastError() {
        return lastError;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant sentAt() {
        return sentAt;
    }
}
