package com.subscriptions.webhook.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A receiver of webhooks: where, which event types, and the secrets that sign for it, sealed (encrypted: the control
 * that seals them holds the key, this entity never sees a secret itself). After a rotation the previous secret signs
 * beside the new one until its expiry, so that a receiver can switch without losing a delivery.
 * An endpoint whose deliveries have all failed for too long disables itself, saying why.
 */
@Entity
@Table(name = "webhook_endpoints")
public class WebhookEndpoint {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String url;

    private String description;

    @Column(name = "event_types")
    private String eventTypes;

    private boolean enabled;

    private String secret;

    @Column(name = "previous_secret")
    private String previousSecret;

    @Column(name = "previous_secret_expires_at")
    private Instant previousSecretExpiresAt;

    @Column(name = "failing_since")
    private Instant failingSince;

    @Column(name = "disabled_reason")
    private String disabledReason;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private long version;

    protected WebhookEndpoint() {
        // for JPA
    }

    public WebhookEndpoint(String url, String description, Set<String> eventTypes, String sealedSecret,
                           Instant now) {
        this.url = url;
        this.description = description;
        this.eventTypes = String.join(",", eventTypes);
        this.secret = sealedSecret;
        this.enabled = true;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Null leaves a setting as it is. Enabling again forgets the failures that disabled it. */
    public void update(String newUrl, String newDescription, Set<String> newEventTypes, Boolean nowEnabled,
                       Instant now) {
        if (newUrl != null) {
            url = newUrl;
        }
        if (newDescription != null) {
            description = newDescription;
        }
        if (newEventTypes != null) {
            eventTypes = String.join(",", newEventTypes);
        }
        if (nowEnabled != null) {
            if (nowEnabled && !enabled) {
                failingSince = null;
                disabledReason = null;
            }
            enabled = nowEnabled;
        }
        updatedAt = now;
    }

    /** The new secret signs from now on; the current one keeps signing beside it for {@code overlap}. */
    public void rotate(String newSealedSecret, Duration overlap, Instant now) {
        previousSecret = secret;
        previousSecretExpiresAt = now.plus(overlap);
        secret = newSealedSecret;
        updatedAt = now;
    }

    /** The secrets that sign a delivery now, sealed: the current one, and the previous one during its overlap. */
    public List<String> sealedSigningSecrets(Instant now) {
        List<String> secrets = new ArrayList<>(List.of(secret));
        if (previousSecret != null && previousSecretExpiresAt.isAfter(now)) {
            secrets.add(previousSecret);
        }
        return secrets;
    }

    public boolean wants(EventType type) {
        return enabled && (type == EventType.WEBHOOK_TEST || eventTypes().contains(EventType.ALL)
                || eventTypes().contains(type.value()));
    }

    public void delivered() {
        failingSince = null;
    }

    /**
     * A delivery failed for good or for now; if every one has failed since longer than {@code disableAfter}, the
     * endpoint disables itself. @return true if this failure disabled it
     */
    public boolean failed(Instant now, Duration disableAfter) {
        if (failingSince == null) {
            failingSince = now;
        }
        if (enabled && failingSince.plus(disableAfter).isBefore(now)) {
            enabled = false;
            disabledReason = "every delivery failed since " + failingSince;
            updatedAt = now;
            return true;
        }
        return false;
    }

    public Long id() {
        return id;
    }

    public String url() {
        return url;
    }

    public String description() {
        return description;
    }

    public List<String> eventTypes() {
        return Arrays.asList(eventTypes.split(","));
    }

    public boolean enabled() {
        return enabled;
    }

    public String secret() {
        return secret;
    }

    public Instant previousSecretExpiresAt() {
        return previousSecret == null ? null : previousSecretExpiresAt;
    }

    public Instant failingSince() {
        return failingSince;
    }

    public String disabledReason() {
        return disabledReason;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
