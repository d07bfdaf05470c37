package com.subscriptions.platform.boundary;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import static com.subscriptions.platform.boundary.MetricsServlet.OPENMETRICS_TEXT;
import static com.subscriptions.platform.boundary.MetricsServlet.PROMETHEUS_TEXT;
import static com.subscriptions.platform.boundary.MetricsServlet.contentType;
import static org.assertj.core.api.Assertions.assertThat;

class MetricsServletTest {

    @Test
    void answersOpenMetricsOnlyToAScraperThatNamesIt() {
        assertThat(contentType("application/openmetrics-text;version=1.0.0,application/openmetrics-text;"
                + "version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1")).isEqualTo(OPENMETRICS_TEXT);
        assertThat(contentType("text/plain")).isEqualTo(PROMETHEUS_TEXT);
        assertThat(contentType("*/*")).isEqualTo(PROMETHEUS_TEXT);
        assertThat(contentType(null)).isEqualTo(PROMETHEUS_TEXT);
    }

    /** The content types must be the ones the Prometheus client writes: it picks its writer by them. */
    @Test
    void theRegistryWritesTheFormatItIsAskedFor() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.counter("probe").increment();
        assertThat(registry.scrape(OPENMETRICS_TEXT)).contains("\nprobe_total 1.0\n").endsWith("# EOF\n");
        assertThat(registry.scrape(PROMETHEUS_TEXT)).contains("\nprobe_total 1.0\n").doesNotContain("# EOF");
    }
}
