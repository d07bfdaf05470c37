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
        assertThat(LockConflict.is(new OptimisticLockException(new SQLException("Deadlock found", "40001"))))
                .isTrue();
        assertThat(LockConflict.is(new PessimisticLockException("lock"))).isTrue();
        assertThat(LockConflict.is(new LockTimeoutException("lock wait"))).isTrue();
    }

    @Test
    void aLostConnectionIsNot() {
        assertThat(LockConflict.is(new PersistenceException(new SQLException("Communications link failure",
                "08S01")))).isFalse();
    }
}
