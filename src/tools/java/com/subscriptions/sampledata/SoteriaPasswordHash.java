package com.subscriptions.sampledata;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The service's password hash (PasswordHasher: Jakarta Security's Pbkdf2PasswordHash, 600,000 iterations, 32-byte
 * salt and key), computed with the JDK alone since Jakarta Security is not on the class path at run time. The
 * encoding is Soteria's: {@code PBKDF2WithHmacSHA256:600000:<Base64 salt>:<Base64 hash>}, standard Base64 with padding.
 */
final class SoteriaPasswordHash {

    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int ITERATIONS = 600_000;
    private static final int SALT_BYTES = 32;
    private static final int KEY_BYTES = 32;

    private SoteriaPasswordHash() {
    }

    static String of(String password) {
        byte[] salt = new byte[SALT_BYTES];
        new SecureRandom().nextBytes(salt);
        byte[] hash;
        try {
            hash = SecretKeyFactory.getInstance(ALGORITHM)
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, ITERATIONS, KEY_BYTES * 8))
                    .getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        }
        Base64.Encoder base64 = Base64.getEncoder();
        return ALGORITHM + ":" + ITERATIONS + ":" + base64.encodeToString(salt) + ":" + base64.encodeToString(hash);
    }
}
