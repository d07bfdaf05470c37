--liquibase formatted sql

--changeset subscriptions:003-subscription-events
-- Append-only history of every subscription change, written in the same transaction as the change.
CREATE TABLE subscription_events (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    subscription_id BIGINT        NOT NULL,
    -- The subscriber, copied here so that a user's events are listed without a join.
    user_id         BIGINT        NOT NULL,
    type            VARCHAR(30)   NOT NULL,
    from_plan_id    BIGINT        NULL,
    to_plan_id      BIGINT        NULL,
    credit          DECIMAL(10,2) NULL,
    charge          DECIMAL(10,2) NULL,
    net             DECIMAL(10,2) NULL,
    currency        CHAR(3)       NULL,
    actor           VARCHAR(100)  NULL,
    request_id      VARCHAR(64)   NULL,
    created_at      DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    -- The caller's events, newest first.
    INDEX ix_subscription_events_user (user_id, created_at, id),
    INDEX ix_subscription_events_subscription (subscription_id),
    CONSTRAINT fk_subscription_events_subscription FOREIGN KEY (subscription_id) REFERENCES user_subscriptions (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE subscription_events;
