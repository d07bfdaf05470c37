package com.subscriptions.platform.boundary;

import com.subscriptions.platform.control.DataSources;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

import java.sql.Connection;
import java.sql.SQLException;
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

    @Readiness
    @ApplicationScoped
    public static class Database implements HealthCheck {
        private static final int TIMEOUT_SECONDS = 2;

        @Resource(lookup = DataSources.SERVICE)
        DataSource dataSource;

        @Override
        public HealthCheckResponse call() {
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
}
