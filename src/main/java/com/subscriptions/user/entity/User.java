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

    @Column(name = "email_notifications")
    private boolean emailNotifications = true;

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

    /**
     * Marks the address verified, if it is still the one the verification was sent to.
     * @return whether it is verified now
     */
    public boolean verifyEmail(String verifiedAddress, Clock clock) {
        if (!email.equalsIgnoreCase(verifiedAddress)) {
            return false;
        }
        if (!emailVerified) {
            emailVerified = true;
            updatedAt = clock.instant();
        }
        return true;
    }

    /** A new password hash (checked against the policy by the caller, which has the plain text). */
    public void changePassword(String newPasswordHash, Clock clock) {
        this.passwordHash = newPasswordHash;
        this.updatedAt = clock.instant();
    }

    /** Turns the optional notification mails on or off. */
    public void receiveNotifications(boolean receive, Clock clock) {
        if (emailNotifications != receive) {
            emailNotifications = receive;
            updatedAt = clock.instant();
        }
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

    public boolean emailNotifications() {
        return emailNotifications;
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
