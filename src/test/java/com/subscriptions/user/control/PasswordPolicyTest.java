package com.subscriptions.user.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTest {

    @Test
    void tooShortSaysTheMinimum() {
        assertThat(PasswordPolicy.problemWith("Ab1-xyz", "alice")).contains("must be at least 8 characters");
    }

    @Test
    void tooLongSaysTheMaximum() {
        assertThat(PasswordPolicy.problemWith("a".repeat(129), "alice")).contains("must be at most 128 characters");
    }

    @Test
    void theUsernameInAnyCaseIsRefused() {
        assertThat(PasswordPolicy.problemWith("xxALICExx-77!", "alice")).contains("must not contain the username");
        assertThat(PasswordPolicy.problemWith("alice", "alice")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"password123", "qwertyuiop", "iloveyou1", "12345678", "letmein!", "Password1"})
    void commonPasswordsAreRefused(String common) {
        assertThat(PasswordPolicy.problemWith(common, "alice")).contains("is too common or too easy to guess");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Quartz-Lantern-Meadow-71", "tB7#kq9!Wm2p", "purple monkey dishwasher sky"})
    void strongPasswordsPass(String strong) {
        assertThat(PasswordPolicy.problemWith(strong, "alice")).isEmpty();
    }
}
