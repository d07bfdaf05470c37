--liquibase formatted sql

--changeset subscriptions:013-deliveries-due-by-endpoint
-- The dispatcher claims an endpoint's next due delivery in the transaction that records the one before, and a
-- failed attempt holds back that endpoint's other due deliveries: both find them by endpoint, status and due time,
-- and lock only what they read (through the due index alone they would walk, and lock, other endpoints' rows).
ALTER TABLE outbox_deliveries ADD INDEX ix_outbox_deliveries_endpoint_due (endpoint_id, status, next_attempt_at);
--rollback ALTER TABLE outbox_deliveries DROP INDEX ix_outbox_deliveries_endpoint_due;
