package com.subscriptions.auth.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One issued refresh token. It can be used once: using it marks it used and a new token of the same family
 * replaces it. A second use means the token was copied: the sessions refuse it and revoke the family. Using it is
 * one conditional update ({@code Sessions}), so that two concurrent uses cannot both succeed.
 */
@Entity
@Table(name = "refresh_tokens")
public class RefreshToken {

    @Id
    private String jti;

    @Column(name = "family_id")
    private String familyId;

    @Column(name = "user_id")
    private long userId;

    @Column(name = "issued_at")
    private Instant issuedAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected RefreshToken() {
        // for JPA
    }

    public RefreshToken(String jti, String familyId, long userId, Instant issuedAt, Instant expiresAt) {
        this.jti = jti;
        this.familyId = familyId;
        this.userId = userId;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
    }

    public String jti() {
        return jti;
    }

    public String familyId() {
        return familyId;
    }

    public long userId() {
        return userId;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
