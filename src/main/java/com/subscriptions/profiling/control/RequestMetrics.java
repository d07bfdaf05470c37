package com.subscriptions.profiling.control;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.concurrent.TimeUnit;

/**
 * Per-route metrics of the REST API ({@code /metrics}): request count and latency, and SQL statements per request.
 * The caller bounds the routes (whatever matches none is "unmatched"), so no request adds a series of its own.
 */
@ApplicationScoped
public class RequestMetrics {

    @Inject
    MeterRegistry registry;

    private Meter.MeterProvider<Timer> requests;

    private Meter.MeterProvider<DistributionSummary> statements;

    @PostConstruct
    void describe() {
        requests = Timer.builder("api_requests")
                .description("Requests to the REST API and their latency, by route").withRegistry(registry);
        statements = DistributionSummary.builder("api_sql_statements_per_request")
                .description("SQL statements a request ran, by route").withRegistry(registry);
    }

    public void record(String route, long nanos, int statementCount) {
        requests.withTags("route", route).record(nanos, TimeUnit.NANOSECONDS);
        statements.withTags("route", route).record(statementCount);
    }
}
