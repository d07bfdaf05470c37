package com.subscriptions.auth.control;

import com.subscriptions.platform.entity.TooManyAttempts;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits login, register and refresh per client address and per account (token buckets refilled each minute).
 * Over the limit: 429 with the seconds to wait. Logins count per account only when they fail, keyed on the account
 * the name resolved to (not on what was typed: {@code admin}, {@code ADMIN }, {@code admin@localhost} are one
 * account): a spent allowance refuses every login of that account, the right password included, until one attempt
 * has refilled (60 / allowance seconds after the last failure that spent it). The buckets live in this instance's
 * memory.
 */
@ApplicationScoped
public class RateLimiter {

    /** Past this many tracked keys, idle (full) buckets are dropped; they carry no state. */
    static final int MAX_TRACKED = 100_000;

    private final Map<String, Limited> buckets = new ConcurrentHashMap<>();

    @Inject
    @ConfigProperty(name = "rate-limit.auth.per-address")
    int perAddress;

    @Inject
    @ConfigProperty(name = "rate-limit.auth.per-account")
    int perAccount;

    /** Takes one attempt of {@code action} from the address's allowance. */
    public void attempt(String action, String clientAddress) {
        take(action + "|address|" + clientAddress, perAddress);
    }

    /** Takes one attempt of {@code action} from the address's and the account's allowance. */
    public void attempt(String action, String clientAddress, String account) {
        attempt(action, clientAddress);
        take(action + "|account|" + account, perAccount);
    }

    /** Refuses a login while the account's allowance of failed logins is spent. */
    public void requireLoginAllowed(String account) {
        EstimationProbe estimate = loginFailures(account).estimateAbilityToConsume(1);
        if (!estimate.canBeConsumed()) {
            throw tooMany(estimate.getNanosToWaitForRefill());
        }
    }

    /** Counts a failed login against the account. */
    public void loginFailed(String account) {
        loginFailures(account).tryConsume(1);
    }

    private Bucket loginFailures(String account) {
        return bucket("login-failures|" + account, perAccount);
    }

    private void take(String key, int perMinute) {
        ConsumptionProbe probe = bucket(key, perMinute).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw tooMany(probe.getNanosToWaitForRefill());
        }
    }

    private Bucket bucket(String key, int perMinute) {
        if (buckets.size() > MAX_TRACKED) {
            buckets.values().removeIf(Limited::isIdle);
        }
        return buckets.computeIfAbsent(key, k -> new Limited(Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build(), perMinute)).bucket();
    }

    /** A bucket and its capacity: full, it remembers nothing and can go. */
    private record Limited(Bucket bucket, int capacity) {
        boolean isIdle() {
            return bucket.getAvailableTokens() >= capacity;
        }
    }

    private static TooManyAttempts tooMany(long nanosToWait) {
        return new TooManyAttempts(Math.max(1, Duration.ofNanos(nanosToWait).toSeconds() + 1));
    }
}
