--liquibase formatted sql

-- Datetimes are DATETIME(6) holding UTC (the pool forces the session time zone to UTC).
-- Text columns compare case-insensitively (utf8mb4_unicode_ci), so the unique keys on username and email
-- reject 'Alice' beside 'alice'.

--changeset subscriptions:001-users
CREATE TABLE users (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    username       VARCHAR(50)  NOT NULL,
    email          VARCHAR(100) NOT NULL,
    password_hash  VARCHAR(255) NOT NULL,
    is_admin       BOOLEAN      NOT NULL DEFAULT FALSE,
    email_verified BOOLEAN      NOT NULL DEFAULT FALSE,
    version        BIGINT       NOT NULL DEFAULT 0,
    created_at     DATETIME(6)  NOT NULL,
    updated_at     DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_users_username UNIQUE (username),
    CONSTRAINT uq_users_email UNIQUE (email)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE users;

--changeset subscriptions:001-subscription-plans
CREATE TABLE subscription_plans (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    name             VARCHAR(100)  NOT NULL,
    description      VARCHAR(1000) NOT NULL,
    price            DECIMAL(10,2) NOT NULL,
    currency         CHAR(3)       NOT NULL DEFAULT 'USD',
    billing_interval VARCHAR(20)   NOT NULL DEFAULT 'monthly',
    duration_months  INT           NOT NULL DEFAULT 1,
    features         JSON          NOT NULL,
    status           VARCHAR(20)   NOT NULL DEFAULT 'active',
    is_public        BOOLEAN       NOT NULL DEFAULT TRUE,
    max_users        INT           NULL,
    parent_id        BIGINT        NULL,
    sort_order       INT           NOT NULL DEFAULT 0,
    trial_days       INT           NOT NULL DEFAULT 0,
    version          BIGINT        NOT NULL DEFAULT 0,
    created_at       DATETIME(6)   NOT NULL,
    updated_at       DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_plans_name_interval UNIQUE (name, billing_interval),
    -- Plan list: public_only + status filter, ordered by sort_order, id.
    INDEX ix_plans_public_status_order (is_public, status, sort_order, id),
    -- Plan list: public_only without status.
    INDEX ix_plans_public_order (is_public, sort_order, id),
    -- Plan list: status filter with public_only=false.
    INDEX ix_plans_status_order (status, sort_order, id),
    -- Plan list: no filter. (InnoDB appends the primary key to a secondary index, so this serves sort_order, id.)
    INDEX ix_plans_order (sort_order),
    INDEX ix_plans_parent (parent_id),
    CONSTRAINT fk_plans_parent FOREIGN KEY (parent_id) REFERENCES subscription_plans (id),
    CONSTRAINT ck_plans_price CHECK (price >= 0),
    CONSTRAINT ck_plans_interval CHECK (billing_interval IN ('monthly', 'quarterly', 'semi-annual', 'annual')),
    CONSTRAINT ck_plans_status CHECK (status IN ('active', 'inactive', 'deprecated')),
    CONSTRAINT ck_plans_duration CHECK (duration_months >= 1),
    CONSTRAINT ck_plans_trial CHECK (trial_days >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE subscription_plans;

--changeset subscriptions:001-user-subscriptions
CREATE TABLE user_subscriptions (
    id                   BIGINT      NOT NULL AUTO_INCREMENT,
    user_id              BIGINT      NOT NULL,
    plan_id              BIGINT      NOT NULL,
    status               VARCHAR(20) NOT NULL,
    start_date           DATETIME(6) NOT NULL,
    end_date             DATETIME(6) NULL,
    trial_end_date       DATETIME(6) NULL,
    canceled_at          DATETIME(6) NULL,
    current_period_start DATETIME(6) NOT NULL,
    -- NULL for an indefinite subscription.
    current_period_end   DATETIME(6) NULL,
    payment_status       VARCHAR(20) NOT NULL DEFAULT 'pending',
    quantity             INT         NOT NULL DEFAULT 1,
    cancel_at_period_end BOOLEAN     NOT NULL DEFAULT FALSE,
    auto_renew           BOOLEAN     NOT NULL DEFAULT TRUE,
    pending_plan_id      BIGINT      NULL,
    version              BIGINT      NOT NULL DEFAULT 0,
    created_at           DATETIME(6) NOT NULL,
    updated_at           DATETIME(6) NOT NULL,
    -- The user id while the row is live (trial or active), NULL otherwise. Its unique key lets the database
    -- itself refuse a second live subscription, whatever races the application loses.
    live_user_id         BIGINT AS (CASE WHEN status IN ('trial', 'active') THEN user_id END) STORED,
    PRIMARY KEY (id),
    CONSTRAINT uq_subscriptions_one_live_per_user UNIQUE (live_user_id),
    -- History: a user's subscriptions newest first (created_at, id descending). Also serves the user FK.
    INDEX ix_subscriptions_user_history (user_id, created_at, id),
    -- Expiring: live subscriptions by status whose period ends in a range.
    INDEX ix_subscriptions_status_period_end (status, current_period_end),
    INDEX ix_subscriptions_plan (plan_id),
    INDEX ix_subscriptions_pending_plan (pending_plan_id),
    CONSTRAINT fk_subscriptions_user FOREIGN KEY (user_id) REFERENCES users (id),
    CONSTRAINT fk_subscriptions_plan FOREIGN KEY (plan_id) REFERENCES subscription_plans (id),
    CONSTRAINT fk_subscriptions_pending_plan FOREIGN KEY (pending_plan_id) REFERENCES subscription_plans (id),
    CONSTRAINT ck_subscriptions_status CHECK (status IN ('trial', 'active', 'past_due', 'canceled', 'expired')),
    CONSTRAINT ck_subscriptions_payment CHECK (payment_status IN ('paid', 'pending', 'failed', 'refunded')),
    CONSTRAINT ck_subscriptions_quantity CHECK (quantity >= 1)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE user_subscriptions;

--changeset subscriptions:001-refresh-tokens
-- Every refresh token issued. Tokens descending from one login form a family; a token used twice (stolen and
-- replayed) revokes its whole family.
CREATE TABLE refresh_tokens (
    jti        VARCHAR(36) NOT NULL,
    family_id  VARCHAR(36) NOT NULL,
    user_id    BIGINT      NOT NULL,
    issued_at  DATETIME(6) NOT NULL,
    expires_at DATETIME(6) NOT NULL,
    used_at    DATETIME(6) NULL,
    PRIMARY KEY (jti),
    INDEX ix_refresh_tokens_family (family_id),
    INDEX ix_refresh_tokens_user (user_id),
    INDEX ix_refresh_tokens_expires (expires_at),
    CONSTRAINT fk_refresh_tokens_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE refresh_tokens;

--changeset subscriptions:001-token-revocations
-- Revoked tokens: one access token (jti) or a whole refresh family (family_id, which also revokes the access
-- tokens issued with it). Every instance loads the rows revoked since its last look (revoked_at); a row is
-- useless once the longest-lived token it can concern has expired, and is purged by expires_at.
CREATE TABLE token_revocations (
    id         BIGINT      NOT NULL AUTO_INCREMENT,
    jti        VARCHAR(36) NULL,
    family_id  VARCHAR(36) NULL,
    user_id    BIGINT      NULL,
    reason     VARCHAR(30) NOT NULL,
    expires_at DATETIME(6) NOT NULL,
    revoked_at DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    INDEX ix_token_revocations_revoked (revoked_at),
    INDEX ix_token_revocations_expires (expires_at),
    INDEX ix_token_revocations_user (user_id),
    CONSTRAINT fk_token_revocations_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT ck_token_revocations_target CHECK (jti IS NOT NULL OR family_id IS NOT NULL)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE token_revocations;

--changeset subscriptions:001-audit-events
-- Append-only: who did what to what, from where, in which request.
CREATE TABLE audit_events (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    actor_id       BIGINT       NULL,
    actor          VARCHAR(100) NULL,
    action         VARCHAR(40)  NOT NULL,
    target         VARCHAR(200) NULL,
    client_address VARCHAR(45)  NULL,
    request_id     VARCHAR(64)  NULL,
    created_at     DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    INDEX ix_audit_events_created (created_at),
    INDEX ix_audit_events_actor (actor_id, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE audit_events;
