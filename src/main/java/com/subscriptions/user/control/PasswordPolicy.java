package com.subscriptions.user.control;

import me.gosimple.nbvcxz.Nbvcxz;

import java.util.Locale;
import java.util.Optional;

/**
 * The password rules of registration: 8 to 128 characters, not the username nor containing it, and not common or
 * easily guessed — judged by nbvcxz, a zxcvbn port shipping dictionaries of leaked passwords, common words and
 * keyboard patterns.
 */
public final class PasswordPolicy {

    static final int MIN_LENGTH = 8;
    static final int MAX_LENGTH = 128;
    /** zxcvbn scores 0..4; below 2 is "too guessable" (under about 10^8 guesses). */
    static final int MIN_SCORE = 2;

    private PasswordPolicy() {
    }

    /** @return what is wrong with the password, or empty when it is acceptable */
    public static Optional<String> problemWith(String password, String username) {
        if (password.length() < MIN_LENGTH) {
            return Optional.of("must be at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters");
        }
        if (username != null && !username.isBlank()
                && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("must not contain the username");
        }
        if (new Nbvcxz().estimate(password).getBasicScore() < MIN_SCORE) {
            return Optional.of("is too common or too easy to guess");
        }
        return Optional.empty();
    }
}
