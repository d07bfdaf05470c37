package com.subscriptions.profiling.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The last statements that took longer than a threshold ({@code profiling.slow-query-ms}, default 100, changeable at
 * run time), with when, how long, the route and the request id; the newest {@code profiling.slow-query-capacity}
 * (default 100) are kept.
 */
@ApplicationScoped
public class SlowQueries {

    /** One slow statement. */
    public record SlowQuery(Instant at, double ms, String sql, int rows, String route, String requestId) {
    }

    @Inject
    @ConfigProperty(name = "profiling.slow-query-ms", defaultValue = "100")
    long configuredThresholdMs;

    @Inject
    @ConfigProperty(name = "profiling.slow-query-capacity", defaultValue = "100")
    int capacity;

    private volatile long thresholdNanos;
    private final Deque<SlowQuery> newestFirst = new ArrayDeque<>();

    @PostConstruct
    void configure() {
        thresholdNanos = configuredThresholdMs * 1_000_000;
    }

    public long thresholdMs() {
        return thresholdNanos / 1_000_000;
    }

    public void thresholdMs(long milliseconds) {
        thresholdNanos = milliseconds * 1_000_000;
    }

    /** Keeps the request's statements that were over the threshold. */
    public void consider(StatementLog log, String route, String requestId) {
        for (StatementLog.Statement statement : log.statements()) {
            if (statement.nanos() >= thresholdNanos) {
                add(new SlowQuery(Instant.now(), statement.nanos() / 1e6, statement.sql(), statement.rows(), route,
                        requestId));
            }
        }
    }

    public synchronized List<SlowQuery> newestFirst() {
        return new ArrayList<>(newestFirst);
    }

    private synchronized void add(SlowQuery query) {
        newestFirst.addFirst(query);
        while (newestFirst.size() > capacity) {
            newestFirst.removeLast();
        }
    }
}
