package com.subscriptions.auth.control;

import com.subscriptions.cluster.control.Cluster;
import com.subscriptions.platform.entity.TooManyAttempts;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * Limits login, register and refresh per client address and per account (token buckets refilled each minute).
 * Over the limit: 429 with the seconds to wait. Logins count per account only when they fail, keyed on the account
 * the name resolved to (not on what was typed: {@code admin}, {@code ADMIN }, {@code admin@localhost} are one
 * account): a spent allowance refuses every login of that account, the right password included, until one attempt
 * has refilled (60 / allowance seconds after the last failure that spent it). The buckets are shared by every
 * instance of a cluster ({@link SharedBuckets}): the limits mean the same with one instance or five. A bucket
 * untouched for {@link #IDLE} has refilled and carries no state: it is dropped.
 */
@ApplicationScoped
public class RateLimiter {

    static final Duration IDLE = Duration.ofMinutes(2);

    @Inject
    Cluster cluster;

    private SharedBuckets buckets;

    @Inject
    @ConfigProperty(name = "rate-limit.auth.per-address")
    int perAddress;

    @Inject
    @ConfigProperty(name = "rate-limit.auth.per-account")
    int perAccount;

    @PostConstruct
    void connect() {
        buckets = new SharedBuckets(cluster.map("rate-limits", IDLE));
    }

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
        return buckets.builder().build(key, () -> BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1))
                        .build())
                .build());
    }

    private static TooManyAttempts tooMany(long nanosToWait) {
        return new TooManyAttempts(Math.max(1, Duration.ofNanos(nanosToWait).toSeconds() + 1));
    }
}
