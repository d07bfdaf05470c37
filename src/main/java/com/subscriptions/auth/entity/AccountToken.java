package com.subscriptions.auth.entity;

import com.subscriptions.user.entity.User;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A single-use token mailed to a user. Only its SHA-256 is stored: the database (or a backup of it) holds nothing that
 * could be used. Spending it is a conditional update by the caller ({@code used_at is null and expires_at > now}),
 * so that of two concurrent uses exactly one succeeds.
 */
@Entity
@Table(name = "account_tokens")
public class AccountToken {

    /** What a token may be used for. */
    public enum Purpose {
        VERIFY_EMAIL, RESET_PASSWORD;

        public String value() {
            return name().toLowerCase();
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "token_hash")
    private String tokenHash;

    @Column(name = "user_id")
    private long userId;

    private String purpose;

    private String email;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected AccountToken() {
        // for JPA
    }

    private AccountToken(String tokenHash, User user, Purpose purpose, Instant now, Duration lifetime) {
        this.tokenHash = tokenHash;
        this.userId = user.id();
        this.purpose = purpose.value();
        this.email = user.email();
        this.createdAt = now;
        this.expiresAt = now.plus(lifetime);
    }

    /** A new token for the user's current address; the plain token, to be mailed, is {@link Issued#token()}. */
    public static Issued issue(User user, Purpose purpose, Duration lifetime, Clock clock) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new Issued(token, new AccountToken(hash(token), user, purpose, clock.instant(), lifetime));
    }

    /** The stored form of a presented token. */
    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    /** A token as issued: the plain text (mailed, never stored) and the row that stores its hash. */
    public record Issued(String token, AccountToken stored) {
    }

    public Long id() {
        return id;
    }

    public long userId() {
        return userId;
    }

    public String email() {
        return email;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant usedAt() {
        return usedAt;
    }
}
