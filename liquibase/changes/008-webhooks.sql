--liquibase formatted sql

--changeset subscriptions:008-webhooks
-- Receivers of signed event notifications (Standard Webhooks). The signing secret is kept to sign; it is shown to
-- the admin once. After a rotation the previous one signs too, until previous_secret_expires_at.
CREATE TABLE webhook_endpoints (
    id                         BIGINT        NOT NULL AUTO_INCREMENT,
    url                        VARCHAR(2000) NOT NULL,
    description                VARCHAR(500)  NULL,
    -- Comma-separated event types, or * for every type.
    event_types                VARCHAR(1000) NOT NULL,
    enabled                    BOOLEAN       NOT NULL,
    secret                     VARCHAR(100)  NOT NULL,
    previous_secret            VARCHAR(100)  NULL,
    previous_secret_expires_at DATETIME(6)   NULL,
    -- Since when every delivery has failed (null: the last one succeeded); past a limit the endpoint is disabled.
    failing_since              DATETIME(6)   NULL,
    disabled_reason            VARCHAR(200)  NULL,
    created_at                 DATETIME(6)   NOT NULL,
    updated_at                 DATETIME(6)   NOT NULL,
    version                    BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One event to announce, its body frozen when the change committed: every attempt sends the same bytes under the
-- same message id.
CREATE TABLE outbox_events (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    message_id      VARCHAR(40)  NOT NULL,
    type            VARCHAR(60)  NOT NULL,
    subscription_id BIGINT       NULL,
    sequence        INT          NULL,
    payload         MEDIUMTEXT   NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE INDEX ux_outbox_events_message (message_id),
    UNIQUE INDEX ux_outbox_events_sequence (subscription_id, sequence),
    -- Retention: events older than the limit whose deliveries are gone.
    INDEX ix_outbox_events_created (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The outbox proper: one row per event and destination, claimed by the dispatcher (FOR UPDATE SKIP LOCKED) when due.
-- A claim moves next_attempt_at forward by a lease, so an instance that dies mid-delivery leaves the row to another.
CREATE TABLE outbox_deliveries (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    event_id        BIGINT       NOT NULL,
    endpoint_id     BIGINT       NOT NULL,
    -- pending, delivered, failed
    status          VARCHAR(12)  NOT NULL,
    attempts        INT          NOT NULL,
    next_attempt_at DATETIME(6)  NULL,
    last_attempt_at DATETIME(6)  NULL,
    last_status     INT          NULL,
    last_error      VARCHAR(500) NULL,
    created_at      DATETIME(6)  NOT NULL,
    delivered_at    DATETIME(6)  NULL,
    PRIMARY KEY (id),
    -- The dispatcher's claim: due rows, oldest first.
    INDEX ix_outbox_deliveries_due (status, next_attempt_at),
    -- An endpoint's deliveries, newest first (the delivery log), and an event's.
    INDEX ix_outbox_deliveries_endpoint (endpoint_id, id),
    INDEX ix_outbox_deliveries_event (event_id),
    CONSTRAINT fk_outbox_deliveries_event FOREIGN KEY (event_id) REFERENCES outbox_events (id) ON DELETE CASCADE,
    CONSTRAINT fk_outbox_deliveries_endpoint FOREIGN KEY (endpoint_id) REFERENCES webhook_endpoints (id)
        ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every attempt of a delivery: the answer's status, how long it took, the error, the start of the answer's body.
CREATE TABLE delivery_attempts (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    delivery_id  BIGINT        NOT NULL,
    attempted_at DATETIME(6)   NOT NULL,
    status_code  INT           NULL,
    latency_ms   INT           NOT NULL,
    error        VARCHAR(500)  NULL,
    response     VARCHAR(1000) NULL,
    PRIMARY KEY (id),
    INDEX ix_delivery_attempts_delivery (delivery_id, id),
    CONSTRAINT fk_delivery_attempts_delivery FOREIGN KEY (delivery_id) REFERENCES outbox_deliveries (id)
        ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Each subscription numbers the events announced about it, so that a receiver can put them in order.
ALTER TABLE user_subscriptions ADD COLUMN event_sequence INT NOT NULL DEFAULT 0;
--rollback ALTER TABLE user_subscriptions DROP COLUMN event_sequence;
--rollback DROP TABLE delivery_attempts; DROP TABLE outbox_deliveries; DROP TABLE outbox_events; DROP TABLE webhook_endpoints;
