package com.subscriptions.pool.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/** Gauges at {@code /metrics} for the connection pool: connections in use and waiting requests (on Payara Micro). */
@ApplicationScoped
public class PoolMetrics {

    @Inject
    MetricRegistry registry;

    @Inject
    ConnectionPool pool;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (pool.available()) {
            registry.gauge(Metadata.builder().withName("pool_connections_in_use")
                    .withDescription("Pooled connections in use").build(), () -> pool.statistics().inUse());
            registry.gauge(Metadata.builder().withName("pool_waiting_requests")
                    .withDescription("Requests waiting for a pooled connection").build(),
                    () -> pool.statistics().waiting());
        }
    }
}
