package com.subscriptions.pool.control;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Gauges at {@code /metrics} for the connection pool: connections in use and waiting requests (on either server). */
@ApplicationScoped
public class PoolMetrics {

    @Inject
    MeterRegistry registry;

    @Inject
    ConnectionPool pool;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (pool.available()) {
            Gauge.builder("pool_connections_in_use", () -> pool.statistics().inUse())
                    .description("Pooled connections in use").register(registry);
            Gauge.builder("pool_waiting_requests", () -> pool.statistics().waiting())
                    .description("Requests waiting for a pooled connection").register(registry);
        }
    }
}
