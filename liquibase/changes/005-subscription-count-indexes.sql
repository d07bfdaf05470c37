--liquibase formatted sql

--changeset subscriptions:005-subscription-count-indexes
-- Index ranges instead of table scans at a million rows:
-- * expiring list and lifecycle job: live subscriptions by period end, in (period end, id) order, with the
--   columns they filter on inside the index (the id is named so that the index order is the list's order);
-- * the dashboard's counts (stats): by status, by created_at ("new"), by canceled_at ("recently canceled").
ALTER TABLE user_subscriptions
    DROP INDEX ix_subscriptions_status_period_end,
    ADD INDEX ix_subscriptions_period_end (current_period_end, id, status, auto_renew, cancel_at_period_end),
    ADD INDEX ix_subscriptions_status (status),
    ADD INDEX ix_subscriptions_created (created_at),
    ADD INDEX ix_subscriptions_canceled (canceled_at);
--rollback ALTER TABLE user_subscriptions DROP INDEX ix_subscriptions_canceled, DROP INDEX ix_subscriptions_created, DROP INDEX ix_subscriptions_status, DROP INDEX ix_subscriptions_period_end, ADD INDEX ix_subscriptions_status_period_end (status, current_period_end);
