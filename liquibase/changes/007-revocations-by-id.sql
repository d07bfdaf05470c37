--liquibase formatted sql

-- Instances read the revocations they have not seen by id (monotonic), no longer by revoked_at (a clock): the
-- index on revoked_at serves nothing now.

--changeset subscriptions:007-revocations-by-id
ALTER TABLE token_revocations DROP INDEX ix_token_revocations_revoked;
--rollback ALTER TABLE token_revocations ADD INDEX ix_token_revocations_revoked (revoked_at);
