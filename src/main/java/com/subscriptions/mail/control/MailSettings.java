package com.subscriptions.mail.control;

import com.subscriptions.webhook.control.RetrySchedule;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The mail settings (MicroProfile Config, {@code smtp.*} and {@code mail.*}; README, "Email"). Without
 * {@code smtp.host} the service sends no mail and writes none to the outbox.
 */
@ApplicationScoped
public class MailSettings {

    /** How the connection to the SMTP server is secured. */
    public enum Security { NONE, STARTTLS, TLS }

    @Inject
    @ConfigProperty(name = "smtp.host")
    Optional<String> host;

    @Inject
    @ConfigProperty(name = "smtp.port", defaultValue = "587")
    int port;

    @Inject
    @ConfigProperty(name = "smtp.security", defaultValue = "starttls")
    String security;

    @Inject
    @ConfigProperty(name = "smtp.username")
    Optional<String> username;

    @Inject
    @ConfigProperty(name = "smtp.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "smtp.timeout-ms", defaultValue = "5000")
    int timeoutMillis;

    @Inject
    @ConfigProperty(name = "mail.from", defaultValue = "Subscriptions <no-reply@localhost>")
    String from;

    /** Where the links in mails point: the address users reach the service at. */
    @Inject
    @ConfigProperty(name = "service.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    @Inject
    @ConfigProperty(name = "mail.retry-delays-seconds", defaultValue = "5,60,300,1800,7200,21600,43200")
    String retryDelaysSeconds;

    @Inject
    @ConfigProperty(name = "mail.lease-seconds", defaultValue = "60")
    int leaseSeconds;

    @Inject
    @ConfigProperty(name = "mail.keep-sent-bodies-hours", defaultValue = "0")
    int keepSentBodiesHours;

    @Inject
    @ConfigProperty(name = "mail.retention-days", defaultValue = "30")
    int retentionDays;

    private RetrySchedule retries;
    private InternetAddress sender;
    private Security securityMode;

    /** A setting that cannot work stops the deployment with a message that names it. */
    @PostConstruct
    void parse() {
        retries = RetrySchedule.of(retryDelaysSeconds);
        try {
            securityMode = Security.valueOf(security.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("smtp.security must be none, starttls or tls, not " + security, e);
        }
        try {
            sender = new InternetAddress(from, true);
        } catch (AddressException e) {
            throw new IllegalStateException("mail.from is not an address: " + from, e);
        }
    }

    public boolean enabled() {
        return host.filter(value -> !value.isBlank()).isPresent();
    }

    public String host() {
        return host.orElse("");
    }

    public int port() {
        return port;
    }

    public Security security() {
        return securityMode;
    }

    public Optional<String> username() {
        return username.filter(value -> !value.isBlank());
    }

    public Optional<String> password() {
        return password;
    }

    public Duration timeout() {
        return Duration.ofMillis(timeoutMillis);
    }

    public InternetAddress sender() {
        return sender;
    }

    /** The domain of the sender's address, for the Message-IDs. */
    public String senderDomain() {
        String address = sender.getAddress();
        return address.substring(address.indexOf('@') + 1);
    }

    public String publicUrl() {
        return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    public RetrySchedule retries() {
        return retries;
    }

    public Duration lease() {
        return Duration.ofSeconds(leaseSeconds);
    }

    /** Whether the bodies of sent mails are kept (then purged after this long); 0: dropped when sent. */
    public Duration keepSentBodies() {
        return Duration.ofHours(keepSentBodiesHours);
    }

    public Duration retention() {
        return Duration.ofDays(retentionDays);
    }
}
