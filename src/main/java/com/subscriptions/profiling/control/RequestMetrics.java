package com.subscriptions.profiling.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

import java.time.Duration;

/**
 * Per-route metrics of the REST API (MicroProfile Metrics, {@code /metrics}): request count and latency, and SQL
 * statements per request.
 */
@ApplicationScoped
public class RequestMetrics {

    private static final Metadata REQUESTS = Metadata.builder().withName("api_requests")
            .withDescription("Requests to the REST API and their latency, by route").build();
    private static final Metadata STATEMENTS = Metadata.builder().withName("api_sql_statements_per_request")
            .withDescription("SQL statements a request ran, by route").withUnit(MetricUnits.NONE).build();

    @Inject
    MetricRegistry registry;

    public void record(String route, long nanos, int statements) {
        Tag tag = new Tag("route", route);
        registry.timer(REQUESTS, tag).update(Duration.ofNanos(nanos));
        registry.histogram(STATEMENTS, tag).update(statements);
    }
}
