package com.subscriptions.profiling.control;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The series names that the README lists and dashboards query, as Micrometer's Prometheus registry writes them. */
class RequestMetricsTest {

    @Test
    void writesTheRequestSeriesPerRoute() {
        RequestMetrics metrics = new RequestMetrics();
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        metrics.registry = registry;
        metrics.describe();
        metrics.record("GET /api/{version}/plans", 2_000_000, 3);
        metrics.record("GET /api/{version}/plans", 4_000_000, 1);
        String route = "{route=\"GET /api/{version}/plans\"} ";
        assertThat(registry.scrape()).contains(
                "\napi_requests_seconds_count" + route + "2\n",
                "\napi_requests_seconds_sum" + route + "0.006\n",
                "\napi_requests_seconds_max" + route + "0.004\n",
                "\napi_sql_statements_per_request_count" + route + "2\n",
                "\napi_sql_statements_per_request_sum" + route + "4.0\n",
                "\napi_sql_statements_per_request_max" + route + "3.0\n");
    }
}
