package com.subscriptions.platform.control;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.util.List;

/**
 * The application's one Micrometer registry, with the JVM's meters (memory, GC, threads, class loading, processor,
 * uptime). Micrometer ships in the WAR, so that Payara and WildFly (which has no MicroProfile Metrics) serve the
 * same series at {@code /metrics}.
 */
@ApplicationScoped
public class MeterRegistryProducer {

    private PrometheusMeterRegistry registry;

    private JvmGcMetrics gc;

    @PostConstruct
    void create() {
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        gc = new JvmGcMetrics();
        List.of(new JvmMemoryMetrics(), gc, new JvmThreadMetrics(), new ClassLoaderMetrics(), new ProcessorMetrics(),
                new UptimeMetrics()).forEach(binder -> binder.bindTo(registry));
    }

    /**
     * Injectable as {@code MeterRegistry} too. Dependent: every injection point gets this same registry, with no
     * client proxy (a normal scope would need one, and the registry's class cannot have one).
     */
    @Produces
    PrometheusMeterRegistry registry() {
        return registry;
    }

    /** The GC meters listen to the JVM's MBeans: left there, they would keep an undeployed application alive. */
    @PreDestroy
    void close() {
        gc.close();
        registry.close();
    }
}
