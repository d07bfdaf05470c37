package com.subscriptions.auth.control;

import com.subscriptions.platform.entity.TooManyAttempts;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits login, register and refresh per client address and per account (token buckets refilled each minute).
 * Over the limit: 429 with the seconds to wait. The buckets live in this instance's memory.
 */
@ApplicationScoped
public class RateLimiter {

    /** Past this many tracked keys the map is cleared, so that a flood of addresses cannot exhaust memory. */
    static final int MAX_TRACKED = 100_000;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Inject
    @ConfigProperty(name = "rate-limit.auth.per-address")
    int perAddress;

    @Inject
    @ConfigProperty(name = "rate-limit.auth.per-account")
    int perAccount;

    /** Takes one attempt of {@code action} from the address's and (when known) the account's allowance. */
    public void attempt(String action, String clientAddress, String account) {
        take(action + "|address|" + clientAddress, perAddress);
        if (account != null && !account.isBlank()) {
            take(action + "|account|" + account.toLowerCase(Locale.ROOT), perAccount);
        }
    }

    private void take(String key, int perMinute) {
        if (buckets.size() > MAX_TRACKED) {
            buckets.clear();
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long retryAfter = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
            throw new TooManyAttempts(retryAfter);
        }
    }
}
