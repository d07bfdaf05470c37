package com.subscriptions.webhook.control;

import jakarta.persistence.EntityManager;

import java.time.Instant;

/**
 * An outbox now: rows due now, pending in all (due or waiting for a retry), failed for good, and the lag: how long
 * the oldest due row has been waiting, in seconds.
 */
public record OutboxStatus(long due, long pending, long failed, double lagSeconds) {

    /**
     * One statement over an outbox table with {@code status} and {@code next_attempt_at} (served by its
     * {@code (status, next_attempt_at)} index).
     * @param table outbox_deliveries or outbox_mail: a constant, never input
     */
    public static OutboxStatus of(EntityManager em, String table, Instant now) {
        Object[] row = (Object[]) em.createNativeQuery("SELECT "
                        + "(SELECT COUNT(*) FROM " + table + " WHERE status = 'pending' AND next_attempt_at <= ?1), "
                        + "(SELECT COUNT(*) FROM " + table + " WHERE status = 'pending'), "
                        + "(SELECT COUNT(*) FROM " + table + " WHERE status = 'failed'), "
                        + "(SELECT TIMESTAMPDIFF(MICROSECOND, MIN(next_attempt_at), ?1) FROM " + table + " "
                        + "WHERE status = 'pending' AND next_attempt_at <= ?1)")
                .setParameter(1, now).getSingleResult();
        return new OutboxStatus(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                ((Number) row[2]).longValue(), row[3] == null ? 0 : ((Number) row[3]).longValue() / 1_000_000.0);
    }
}
