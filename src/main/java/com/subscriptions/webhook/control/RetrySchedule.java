package com.subscriptions.webhook.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try a failed delivery again. By default after 5 s, 5 min, 30 min, 2 h, 5 h, then every 10 h: twelve
 * attempts over about three days (67 h 35 min); each delay moved by up to ±10 % so that the retries of many
 * deliveries spread out. {@code webhooks.retry-delays-seconds} replaces the delays (the tests shorten them).
 */
public final class RetrySchedule {

    public static final String DEFAULT_SECONDS = "5,300,1800,7200,18000,36000,36000,36000,36000,36000,36000";

    private final List<Duration> delays;

    private RetrySchedule(List<Duration> delays) {
        this.delays = delays;
    }

    /** @param seconds comma-separated delays in seconds, the first after the first failed attempt */
    public static RetrySchedule of(String seconds) {
        return new RetrySchedule(Arrays.stream(seconds.split(",")).map(String::strip)
                .map(delay -> Duration.ofSeconds(Long.parseLong(delay))).toList());
    }

    /** The next attempt after {@code attemptsMade} failed ones, or empty when they are spent. */
    public Optional<Instant> next(int attemptsMade, Instant now) {
        if (attemptsMade < 1 || attemptsMade > delays.size()) {
            return Optional.empty();
        }
        long millis = delays.get(attemptsMade - 1).toMillis();
        long jitter = (long) (millis * 0.1 * (ThreadLocalRandom.current().nextDouble() * 2 - 1));
        return Optional.of(now.plusMillis(millis + jitter));
    }

    public int retries() {
        return delays.size();
    }
}
