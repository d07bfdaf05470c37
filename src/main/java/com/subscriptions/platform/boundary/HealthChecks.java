package com.subscriptions.platform.boundary;

import com.subscriptions.platform.control.DataSources;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

/** {@code /health/live} says the JVM serves; {@code /health/ready} also needs a working database connection. */
public final class HealthChecks {

    private HealthChecks() {
    }

    @Liveness
    @ApplicationScoped
    public static class Application implements HealthCheck {
        @Override
        public HealthCheckResponse call() {
            return HealthCheckResponse.up("application");
        }
    }

    /**
     * Ready once the application has started and a database connection works. WildFly calls health checks on its
     * management threads, where the module's names ({@code java:comp/env}) resolve nothing, and from before the
     * application has started: the pool is therefore handed over by {@link StartedDatabase}, not injected here.
     */
    @Readiness
    @ApplicationScoped
    public static class Database implements HealthCheck {
        private static final int TIMEOUT_SECONDS = 2;
        private static final AtomicReference<DataSource> STARTED = new AtomicReference<>();

        @Override
        public HealthCheckResponse call() {
            DataSource dataSource = STARTED.get();
            if (dataSource == null) {
                return HealthCheckResponse.named("database").down().withData("error", "starting").build();
            }
            try (Connection connection = dataSource.getConnection()) {
                boolean valid = connection.isValid(TIMEOUT_SECONDS);
                return HealthCheckResponse.named("database").status(valid)
                        .withData("product", connection.getMetaData().getDatabaseProductVersion()).build();
            } catch (SQLException | RuntimeException e) {
                // The pool's own failures (no connection within its wait) come as runtime exceptions.
                return HealthCheckResponse.named("database").down().withData("error", String.valueOf(e.getMessage()))
                        .build();
            }
        }
    }

    /** Hands the pool to {@link Database} when the application has started, on a thread where it resolves. */
    @ApplicationScoped
    public static class StartedDatabase {
        @Resource(lookup = DataSources.SERVICE)
        DataSource dataSource;

        void started(@Observes @Initialized(ApplicationScoped.class) Object started) {
            Database.STARTED.set(dataSource);
        }
    }
}
