package com.subscriptions.webhook.control;

import com.subscriptions.platform.control.IpBlocks;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Optional;

/** The webhook settings (MicroProfile Config, {@code webhooks.*}; README, "Webhooks"). */
@ApplicationScoped
public class WebhookSettings {

    @Inject
    @ConfigProperty(name = "webhooks.allow-http", defaultValue = "false")
    boolean allowHttp;

    /** Private, loopback or link-local addresses that endpoints may nevertheless resolve to (IPs or CIDR blocks). */
    @Inject
    @ConfigProperty(name = "webhooks.allowed-addresses")
    Optional<String> allowedAddresses;

    @Inject
    @ConfigProperty(name = "webhooks.connect-timeout-ms", defaultValue = "2000")
    int connectTimeoutMillis;

    @Inject
    @ConfigProperty(name = "webhooks.read-timeout-ms", defaultValue = "5000")
    int readTimeoutMillis;

    @Inject
    @ConfigProperty(name = "webhooks.lease-seconds", defaultValue = "60")
    int leaseSeconds;

    @Inject
    @ConfigProperty(name = "webhooks.disable-after-hours", defaultValue = "96")
    int disableAfterHours;

    @Inject
    @ConfigProperty(name = "webhooks.retention-days", defaultValue = "30")
    int retentionDays;

    @Inject
    @ConfigProperty(name = "webhooks.secret-overlap-hours", defaultValue = "24")
    int secretOverlapHours;

    @Inject
    @ConfigProperty(name = "webhooks.retry-delays-seconds", defaultValue = RetrySchedule.DEFAULT_SECONDS)
    String retryDelaysSeconds;

    private IpBlocks allowed;
    private RetrySchedule retries;

    @PostConstruct
    void parse() {
        allowed = IpBlocks.parse(allowedAddresses.orElse(""));
        retries = RetrySchedule.of(retryDelaysSeconds);
    }

    public RetrySchedule retries() {
        return retries;
    }

    public boolean allowHttp() {
        return allowHttp;
    }

    public IpBlocks allowedAddresses() {
        return allowed;
    }

    public Duration connectTimeout() {
        return Duration.ofMillis(connectTimeoutMillis);
    }

    public Duration readTimeout() {
        return Duration.ofMillis(readTimeoutMillis);
    }

    /** How long a claimed delivery is left to the instance that claimed it. */
    public Duration lease() {
        return Duration.ofSeconds(leaseSeconds);
    }

    public Duration disableAfter() {
        return Duration.ofHours(disableAfterHours);
    }

    public Duration retention() {
        return Duration.ofDays(retentionDays);
    }

    public Duration secretOverlap() {
        return Duration.ofHours(secretOverlapHours);
    }
}
