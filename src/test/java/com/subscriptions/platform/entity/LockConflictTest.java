package com.subscriptions.platform.entity;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PessimisticLockException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class LockConflictTest {

    @Test
    void aDeadlockALockWaitOrAVersionCheckIsALostRace() {
        assertThat(LockConflict.isCauseOf(new OptimisticLockException("version"))).isTrue();
        assertThat(LockConflict.isCauseOf(new PessimisticLockException("lock"))).isTrue();
        assertThat(LockConflict.isCauseOf(new LockTimeoutException("lock wait"))).isTrue();
    }

    @Test
    void soIsADeadlockReportedByTheDriverUnderAnotherException() {
        assertThat(LockConflict.isCauseOf(new IllegalStateException(new PersistenceException(
                new SQLException("Deadlock found when trying to get lock", "40001", 1213))))).isTrue();
    }

    @Test
    void aLostConnectionOrAFaultyStatementIsNot() {
        assertThat(LockConflict.isCauseOf(new PersistenceException(new SQLException("Communications link failure",
                "08S01")))).isFalse();
        assertThat(LockConflict.isCauseOf(new PersistenceException(new SQLException("Unknown column", "42S22"))))
                .isFalse();
    }
}
