package com.subscriptions.user.control;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdminAccountTest {

    @ParameterizedTest
    @ValueSource(strings = {"admin", "password", "Admin-2026", "qwertyuiop", "short1!"})
    void aWeakChosenPasswordStopsTheStart(String password) {
        assertThatThrownBy(() -> AdminAccount.acceptable(password)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("ADMIN_PASSWORD ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Quartz-Lantern-Meadow-71", "Sesame-20261201024512345-Ledger"})
    void aStrongOneIsTaken(String password) {
        assertThat(AdminAccount.acceptable(password)).isEqualTo(password);
    }
}
