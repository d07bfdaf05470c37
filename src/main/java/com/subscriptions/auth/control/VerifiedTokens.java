package com.subscriptions.auth.control;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens that MicroProfile JWT verified (signature, issuer, expiry) and that passed this service's own checks, kept
 * until they expire, so that a token is verified once rather than on every request: on Payara, verifying (parsing,
 * the RSA signature, the claims into JSON-P) was about half of what a request with a token cost beyond one without.
 * Keyed by the token's SHA-256; at most {@code auth.verified-tokens.max-entries} (when full, expired ones go, and a
 * token that finds no room is simply verified each time). The token's type and its revocation are still checked on
 * every request ({@code TokenPolicyFilter}); a token never verified is never found here, so a forged one meets the
 * full verification every time.
 */
@ApplicationScoped
public class VerifiedTokens {

    /** A verified token as MicroProfile JWT made it (the request's caller), its groups and its expiry. */
    public record Verified(JsonWebToken token, Set<String> groups, Instant expires) {
    }

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "auth.verified-tokens.max-entries", defaultValue = "10000")
    int maxEntries;

    @Inject
    MeterRegistry metrics;

    private final Map<ByteBuffer, Verified> verified = new ConcurrentHashMap<>();
    private Counter hits;
    private Counter misses;

    @PostConstruct
    void countLookups() {
        hits = lookups("hit");
        misses = lookups("miss");
    }

    private Counter lookups(String result) {
        return Counter.builder("verified_tokens").description("Bearer tokens looked up among the verified ones")
                .tag("result", result).register(metrics);
    }

    /** The token as verified before, unless it has expired since (or was never verified). */
    public Optional<Verified> find(String token) {
        ByteBuffer key = key(token);
        Verified found = verified.get(key);
        if (found != null && !clock.instant().isBefore(found.expires())) {
            verified.remove(key, found);
            found = null;
        }
        (found == null ? misses : hits).increment();
        return Optional.ofNullable(found);
    }

    /** Keeps a token that passed every check of this request. */
    public void remember(String token, JsonWebToken passed) {
        Instant now = clock.instant();
        if (verified.size() >= maxEntries) {
            verified.values().removeIf(entry -> !now.isBefore(entry.expires()));
            if (verified.size() >= maxEntries) {
                return;
            }
        }
        Instant expires = Instant.ofEpochSecond(passed.getExpirationTime());
        if (now.isBefore(expires)) {
            Set<String> groups = passed.getGroups() == null ? Set.of() : Set.copyOf(passed.getGroups());
            verified.put(key(token), new Verified(passed, groups, expires));
        }
    }

    private static ByteBuffer key(String token) {
        try {
            return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
