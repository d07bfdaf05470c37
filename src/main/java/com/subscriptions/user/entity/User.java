package com.subscriptions.user.entity;

import com.subscriptions.platform.entity.Roles;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** An account. Username and email are unique without regard to case (the database's collation). */
@Entity
@Table(name = "users")
public class User {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String username;
    private String email;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "is_admin")
    private boolean admin;

    @Column(name = "email_verified")
    private boolean emailVerified;

    @Version
    private long version;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected User() {
        // for JPA
    }

    private User(String username, String email, String passwordHash, boolean admin, Clock clock) {
        this.username = username;
        this.email = email;
        this.passwordHash = passwordHash;
        this.admin = admin;
        this.createdAt = clock.instant();
        this.updatedAt = createdAt;
    }

    public static User administrator(String username, String email, String passwordHash, Clock clock) {
        return new User(username, email, passwordHash, true, clock);
    }

    public static User register(String username, String email, String passwordHash, Clock clock) {
        return new User(username, email, passwordHash, false, clock);
    }

    /** Grants or removes the admin role. @return whether anything changed */
    public boolean changeAdmin(boolean admin, Clock clock) {
        if (this.admin == admin) {
            return false;
        }
        this.admin = admin;
        this.updatedAt = clock.instant();
        return true;
    }

    /** The token groups, which MicroProfile JWT maps to roles. */
    public List<String> groups() {
        return admin ? List.of(Roles.USER, Roles.ADMIN) : List.of(Roles.USER);
    }

    public Long id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String email() {
        return email;
    }

    public boolean emailVerified() {
        return emailVerified;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public boolean isAdmin() {
        return admin;
    }

    public String passwordHash() {
        return passwordHash;
    }
}
