--liquibase formatted sql

--changeset subscriptions:010-subscription-counts
-- The admin dashboard's figures (GET /subscriptions/stats), kept counted instead of counted per call: at a million
-- subscriptions, counting the active ones alone walks 900,000 index entries (1.6 s a call). Per metric, a count per
-- hour bucket of the instant the metric is about, spread over 8 slots (the subscription id modulo 8) so that
-- concurrent changes seldom wait on the same row:
--   active, trial  the subscriptions in that status (bucket 1970-01-01: no instant)
--   created        by created_at                       ("new in the last 7 days")
--   canceled       by canceled_at                      ("canceled in the last 14 days")
--   ending         live subscriptions that will not renew, by current_period_end ("expiring soon")
-- A figure over a time window sums the buckets wholly inside it and counts the rows of its partial first and last
-- hour exactly (an index range of at most an hour), so it equals a full count at any instant.
CREATE TABLE subscription_counts (
    metric VARCHAR(16) NOT NULL,
    bucket DATETIME    NOT NULL,
    slot   TINYINT     NOT NULL,
    n      BIGINT      NOT NULL,
    PRIMARY KEY (metric, bucket, slot)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE subscription_counts;

--changeset subscriptions:010-subscription-count-add splitStatements:false
-- Adds p_delta to a bucket (none when p_bucket is NULL). An UPDATE of an existing row locks that row only; the
-- upsert, which may also lock the gap before it (and so meet a concurrent insert in a deadlock), is left for the
-- first change of a bucket.
CREATE PROCEDURE subscription_count_add(IN p_metric VARCHAR(16), IN p_bucket DATETIME, IN p_slot TINYINT,
                                        IN p_delta INT)
    MODIFIES SQL DATA
BEGIN
    IF p_bucket IS NOT NULL THEN
        UPDATE subscription_counts SET n = n + p_delta
        WHERE metric = p_metric AND bucket = p_bucket AND slot = p_slot;
        IF ROW_COUNT() = 0 THEN
            INSERT INTO subscription_counts (metric, bucket, slot, n) VALUES (p_metric, p_bucket, p_slot, p_delta)
                ON DUPLICATE KEY UPDATE n = n + p_delta;
        END IF;
    END IF;
END
--rollback DROP PROCEDURE subscription_count_add;

--changeset subscriptions:010-subscription-count-move splitStatements:false
-- Moves one subscription's contribution to a metric from the hour of p_old to the hour of p_new (either NULL: it
-- did not count, or no longer counts).
CREATE PROCEDURE subscription_count_move(IN p_metric VARCHAR(16), IN p_old DATETIME(6), IN p_new DATETIME(6),
                                         IN p_slot TINYINT)
    MODIFIES SQL DATA
BEGIN
    DECLARE old_bucket DATETIME DEFAULT DATE_FORMAT(p_old, '%Y-%m-%d %H:00:00');
    DECLARE new_bucket DATETIME DEFAULT DATE_FORMAT(p_new, '%Y-%m-%d %H:00:00');
    IF NOT (old_bucket <=> new_bucket) THEN
        CALL subscription_count_add(p_metric, old_bucket, p_slot, -1);
        CALL subscription_count_add(p_metric, new_bucket, p_slot, 1);
    END IF;
END
--rollback DROP PROCEDURE subscription_count_move;

--changeset subscriptions:010-subscription-counts-change splitStatements:false
-- A subscription row changed from the o_ values to the n_ values (all NULL for a row that did not exist, or no longer
-- does). A session that loads rows in bulk sets @subscription_counts_paused and calls subscription_counts_rebuild
-- once at the end (the sample data loader does).
CREATE PROCEDURE subscription_counts_change(
        IN o_status VARCHAR(20), IN o_created DATETIME(6), IN o_canceled DATETIME(6), IN o_end DATETIME(6),
        IN o_auto_renew BOOLEAN, IN o_cancel_at_end BOOLEAN,
        IN n_status VARCHAR(20), IN n_created DATETIME(6), IN n_canceled DATETIME(6), IN n_end DATETIME(6),
        IN n_auto_renew BOOLEAN, IN n_cancel_at_end BOOLEAN, IN p_slot TINYINT)
    MODIFIES SQL DATA
BEGIN
    IF @subscription_counts_paused IS NULL THEN
        CALL subscription_count_move('active', IF(o_status = 'active', '1970-01-01', NULL),
                                     IF(n_status = 'active', '1970-01-01', NULL), p_slot);
        CALL subscription_count_move('trial', IF(o_status = 'trial', '1970-01-01', NULL),
                                     IF(n_status = 'trial', '1970-01-01', NULL), p_slot);
        CALL subscription_count_move('created', o_created, n_created, p_slot);
        CALL subscription_count_move('canceled', o_canceled, n_canceled, p_slot);
        CALL subscription_count_move('ending',
                IF(o_status IN ('trial', 'active') AND (NOT o_auto_renew OR o_cancel_at_end), o_end, NULL),
                IF(n_status IN ('trial', 'active') AND (NOT n_auto_renew OR n_cancel_at_end), n_end, NULL), p_slot);
    END IF;
END
--rollback DROP PROCEDURE subscription_counts_change;

--changeset subscriptions:010-subscription-counts-insert splitStatements:false
-- Triggers, not application code: every writer counts, in the writer's own transaction (the service, the lifecycle
-- job, an operator's UPDATE). On MySQL with binary logging, creating them takes SUPER or
-- log_bin_trust_function_creators=ON (README, "MySQL").
CREATE TRIGGER tr_subscriptions_counted_insert AFTER INSERT ON user_subscriptions FOR EACH ROW
    CALL subscription_counts_change(NULL, NULL, NULL, NULL, NULL, NULL,
            NEW.status, NEW.created_at, NEW.canceled_at, NEW.current_period_end, NEW.auto_renew,
            NEW.cancel_at_period_end, NEW.id MOD 8)
--rollback DROP TRIGGER tr_subscriptions_counted_insert;

--changeset subscriptions:010-subscription-counts-update splitStatements:false
CREATE TRIGGER tr_subscriptions_counted_update AFTER UPDATE ON user_subscriptions FOR EACH ROW
    CALL subscription_counts_change(OLD.status, OLD.created_at, OLD.canceled_at, OLD.current_period_end,
            OLD.auto_renew, OLD.cancel_at_period_end,
            NEW.status, NEW.created_at, NEW.canceled_at, NEW.current_period_end, NEW.auto_renew,
            NEW.cancel_at_period_end, NEW.id MOD 8)
--rollback DROP TRIGGER tr_subscriptions_counted_update;

--changeset subscriptions:010-subscription-counts-delete splitStatements:false
CREATE TRIGGER tr_subscriptions_counted_delete AFTER DELETE ON user_subscriptions FOR EACH ROW
    CALL subscription_counts_change(OLD.status, OLD.created_at, OLD.canceled_at, OLD.current_period_end,
            OLD.auto_renew, OLD.cancel_at_period_end, NULL, NULL, NULL, NULL, NULL, NULL, OLD.id MOD 8)
--rollback DROP TRIGGER tr_subscriptions_counted_delete;

--changeset subscriptions:010-subscription-counts-rebuild splitStatements:false
-- Counts every subscription again from scratch: after this migration, and after a bulk load that paused the
-- triggers. Not while the service writes (a change committed during the rebuild could be counted twice).
CREATE PROCEDURE subscription_counts_rebuild()
    MODIFIES SQL DATA
BEGIN
    DELETE FROM subscription_counts;
    INSERT INTO subscription_counts (metric, bucket, slot, n)
        SELECT status, '1970-01-01', id MOD 8 AS slot, COUNT(*) FROM user_subscriptions
        WHERE status IN ('trial', 'active') GROUP BY status, slot;
    INSERT INTO subscription_counts (metric, bucket, slot, n)
        SELECT 'created', DATE_FORMAT(created_at, '%Y-%m-%d %H:00:00') AS hour, id MOD 8 AS slot, COUNT(*)
        FROM user_subscriptions GROUP BY hour, slot;
    INSERT INTO subscription_counts (metric, bucket, slot, n)
        SELECT 'canceled', DATE_FORMAT(canceled_at, '%Y-%m-%d %H:00:00') AS hour, id MOD 8 AS slot, COUNT(*)
        FROM user_subscriptions WHERE canceled_at IS NOT NULL GROUP BY hour, slot;
    INSERT INTO subscription_counts (metric, bucket, slot, n)
        SELECT 'ending', DATE_FORMAT(current_period_end, '%Y-%m-%d %H:00:00') AS hour, id MOD 8 AS slot, COUNT(*)
        FROM user_subscriptions
        WHERE status IN ('trial', 'active') AND (auto_renew = FALSE OR cancel_at_period_end = TRUE)
          AND current_period_end IS NOT NULL
        GROUP BY hour, slot;
END
--rollback DROP PROCEDURE subscription_counts_rebuild;

--changeset subscriptions:010-subscription-counts-fill
CALL subscription_counts_rebuild();
--rollback DELETE FROM subscription_counts;
