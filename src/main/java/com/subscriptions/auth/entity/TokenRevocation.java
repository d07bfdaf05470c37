package com.subscriptions.auth.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Clock;
import java.time.Instant;

/** Revokes one access token (by jti) or a whole token family (every token issued since one login). */
@Entity
@Table(name = "token_revocations")
public class TokenRevocation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String jti;

    @Column(name = "family_id")
    private String familyId;

    @Column(name = "user_id")
    private Long userId;

    private String reason;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected TokenRevocation() {
        // for JPA
    }

    private TokenRevocation(String jti, String familyId, Long userId, String reason, Instant expiresAt, Clock clock) {
        this.jti = jti;
        this.familyId = familyId;
        this.userId = userId;
        this.reason = reason;
        this.expiresAt = expiresAt;
        this.revokedAt = clock.instant();
    }

    public static TokenRevocation ofToken(String jti, Long userId, String reason, Instant expiresAt, Clock clock) {
        return new TokenRevocation(jti, null, userId, reason, expiresAt, clock);
    }

    /** A family lives as long as its last refresh token could: revoke it until then. */
    public static TokenRevocation ofFamily(String familyId, Long userId, String reason, Instant expiresAt,
                                           Clock clock) {
        return new TokenRevocation(null, familyId, userId, reason, expiresAt, clock);
    }

    public Long id() {
        return id;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public String jti() {
        return jti;
    }

    public String familyId() {
        return familyId;
    }
}
