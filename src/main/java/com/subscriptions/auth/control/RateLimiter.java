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
    /** Hourly buckets: kept an hour after their last use (dropped after two minutes, they would refill early). */
    private SharedBuckets mailBuckets;

    @Inject
    @ConfigProperty(name = "rate-limit.auth.per-address")
    int perAddress;

    @Inject
    @ConfigProperty(name = "rate-limit.auth.per-account")
    int perAccount;

    @Inject
    @ConfigProperty(name = "rate-limit.mail.per-hour", defaultValue = "5")
    int mailPerHour;

    @PostConstruct
    void connect() {
        buckets = new SharedBuckets(cluster.map("rate-limits", IDLE));
        mailBuckets = new SharedBuckets(cluster.map("mail-limits", Duration.ofHours(1)));
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

    /**
     * Takes one mail to {@code recipient} (an account or an address) from its hourly allowance, so that nobody can
     * make the service flood a mailbox. @return whether one was left
     */
    public boolean tryMail(String action, String recipient) {
        return mailBucket(action, recipient).tryConsume(1);
    }

    /** As {@link #tryMail}, but a spent allowance answers 429 with the time to wait. */
    public void attemptMail(String action, String recipient) {
        ConsumptionProbe probe = mailBucket(action, recipient).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw tooMany(probe.getNanosToWaitForRefill());
        }
    }

    private Bucket mailBucket(String action, String recipient) {
        return bucket(mailBuckets, action + "|" + recipient, mailPerHour, Duration.ofHours(1));
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
        return bucket(buckets, "login-failures|" + account, perAccount, Duration.ofMinutes(1));
    }

    private void take(String key, int perMinute) {
        ConsumptionProbe probe = bucket(buckets, key, perMinute, Duration.ofMinutes(1)).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw tooMany(probe.getNanosToWaitForRefill());
        }
    }

    private static Bucket bucket(SharedBuckets in, String key, int capacity, Duration refilledIn) {
        return in.builder().build(key, () -> BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, refilledIn).build())
                .build());
    }

    private static TooManyAttempts tooMany(long nanosToWait) {
        return new TooManyAttempts(Math.max(1, Duration.ofNanos(nanosToWait).toSeconds() + 1));
    }
}
