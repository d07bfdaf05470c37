package com.subscriptions.platform.boundary;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * {@code /metrics}: the Micrometer registry's meters in Prometheus text, or in OpenMetrics when the scraper asks for
 * it. A servlet, because JAX-RS lives under {@code /api}.
 */
@WebServlet(name = "Metrics", urlPatterns = "/metrics")
public class MetricsServlet extends HttpServlet {

    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    static final String OPENMETRICS_TEXT = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    @Inject
    PrometheusMeterRegistry registry;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String contentType = contentType(request.getHeader("Accept"));
        response.setContentType(contentType);
        response.setHeader("Vary", "Accept");
        registry.scrape(response.getOutputStream(), contentType);
    }

    /** The Prometheus client's own rule: OpenMetrics whenever it is named (Prometheus names it first), else text. */
    static String contentType(String accept) {
        return accept != null && accept.contains("application/openmetrics-text") ? OPENMETRICS_TEXT : PROMETHEUS_TEXT;
    }
}
