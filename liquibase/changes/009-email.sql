--liquibase formatted sql

--changeset subscriptions:009-email
-- Whether the user receives the optional notification mails (trial ending, renewed, cancellation scheduled,
-- subscription ended, plan changed). Verification and password-reset mails are always sent.
ALTER TABLE users ADD COLUMN email_notifications BOOLEAN NOT NULL DEFAULT TRUE;

-- Single-use tokens mailed to a user: verify_email (proves the address it was sent to) and reset_password. Only a
-- SHA-256 of the token is kept; using one sets used_at in a conditional update, so a token works exactly once.
CREATE TABLE account_tokens (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    token_hash CHAR(64)     NOT NULL,
    user_id    BIGINT       NOT NULL,
    purpose    VARCHAR(20)  NOT NULL,
    email      VARCHAR(100) NOT NULL,
    created_at DATETIME(6)  NOT NULL,
    expires_at DATETIME(6)  NOT NULL,
    used_at    DATETIME(6)  NULL,
    PRIMARY KEY (id),
    UNIQUE INDEX ux_account_tokens_hash (token_hash),
    -- A new token of a purpose retires the user's earlier ones.
    INDEX ix_account_tokens_user (user_id, purpose),
    -- The hourly purge of expired tokens.
    INDEX ix_account_tokens_expires (expires_at),
    CONSTRAINT fk_account_tokens_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The mail half of the outbox: a rendered message per row, written in the transaction of what it tells, sent by
-- the mail dispatcher (claimed FOR UPDATE SKIP LOCKED with a lease, as outbox_deliveries). dedupe_key makes a
-- message that a job could write twice (the trial reminder) exist once, whichever instance writes it.
CREATE TABLE outbox_mail (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    message_id      VARCHAR(100) NOT NULL,
    user_id         BIGINT       NULL,
    recipient       VARCHAR(100) NOT NULL,
    kind            VARCHAR(40)  NOT NULL,
    dedupe_key      VARCHAR(120) NULL,
    subject         VARCHAR(300) NOT NULL,
    -- Dropped once sent, unless mail.keep-sent-bodies-hours keeps them (the run command's local mail catcher).
    text_body       MEDIUMTEXT   NULL,
    html_body       MEDIUMTEXT   NULL,
    -- pending, sent, failed
    status          VARCHAR(12)  NOT NULL,
    attempts        INT          NOT NULL,
    next_attempt_at DATETIME(6)  NULL,
    last_attempt_at DATETIME(6)  NULL,
    last_error      VARCHAR(500) NULL,
    created_at      DATETIME(6)  NOT NULL,
    sent_at         DATETIME(6)  NULL,
    PRIMARY KEY (id),
    UNIQUE INDEX ux_outbox_mail_message (message_id),
    UNIQUE INDEX ux_outbox_mail_dedupe (dedupe_key),
    -- The dispatcher's claim: due rows, oldest first.
    INDEX ix_outbox_mail_due (status, next_attempt_at),
    -- A user's mails, newest first (the admin's filter), and the retention purge.
    INDEX ix_outbox_mail_user (user_id, id),
    INDEX ix_outbox_mail_created (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE outbox_mail; DROP TABLE account_tokens; ALTER TABLE users DROP COLUMN email_notifications;
