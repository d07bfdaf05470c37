--liquibase formatted sql

--changeset subscriptions:004-idempotency-keys
-- The first answer to a request sent with an Idempotency-Key, replayed for 24 hours when the same user sends
-- the same key again. The unique key makes two concurrent repeats race for one row: only one runs.
CREATE TABLE idempotency_keys (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    user_id       BIGINT       NOT NULL,
    idem_key      VARCHAR(100) NOT NULL,
    request_hash  CHAR(64)     NOT NULL,
    -- NULL while the first request is still running.
    status        INT          NULL,
    content_type  VARCHAR(100) NULL,
    response_body MEDIUMTEXT   NULL,
    created_at    DATETIME(6)  NOT NULL,
    expires_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_idempotency_keys_user_key UNIQUE (user_id, idem_key),
    INDEX ix_idempotency_keys_expires (expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE idempotency_keys;
