--liquibase formatted sql

-- The five plans of the original service, the catalogue a new installation starts with.

--changeset subscriptions:002-sample-plans
INSERT INTO subscription_plans
    (name, description, price, currency, billing_interval, duration_months, features, status, is_public,
     max_users, sort_order, trial_days, created_at, updated_at)
VALUES
    ('Free Plan', 'Basic features for individuals', 0.00, 'USD', 'monthly', 1,
     '{"storage": 1, "projects": 1, "users": 1}', 'active', TRUE, 1, 1, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)),
    ('Basic Plan', 'Essential features for small teams', 9.99, 'USD', 'monthly', 1,
     '{"storage": 10, "projects": 5, "users": 3}', 'active', TRUE, 3, 2, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)),
    ('Pro Plan', 'Advanced features for growing teams', 29.99, 'USD', 'monthly', 1,
     '{"storage": 50, "projects": 20, "users": 10}', 'active', TRUE, 10, 3, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)),
    ('Basic Plan', 'Essential features for small teams, billed yearly', 99.99, 'USD', 'annual', 1,
     '{"storage": 10, "projects": 5, "users": 3}', 'active', TRUE, 3, 4, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)),
    ('Pro Plan', 'Advanced features for growing teams, billed yearly', 299.99, 'USD', 'annual', 1,
     '{"storage": 50, "projects": 20, "users": 10}', 'active', TRUE, 10, 5, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6));
--rollback DELETE FROM subscription_plans WHERE name IN ('Free Plan', 'Basic Plan', 'Pro Plan');
