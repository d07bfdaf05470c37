--liquibase formatted sql

-- An unanswered Idempotency-Key claim is a lease: when its holder died (the server killed mid-request), another
-- request with the key may take it over once claimed_at is older than the lease.

--changeset subscriptions:006-idempotency-lease
ALTER TABLE idempotency_keys ADD COLUMN claimed_at DATETIME(6) NULL AFTER response_body;
UPDATE idempotency_keys SET claimed_at = created_at;
ALTER TABLE idempotency_keys MODIFY claimed_at DATETIME(6) NOT NULL;
--rollback ALTER TABLE idempotency_keys DROP COLUMN claimed_at;
