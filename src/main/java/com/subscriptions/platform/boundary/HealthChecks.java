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

        /**
         * Created while the application starts, where the module's names resolve: WildFly calls health checks on
         * its management threads, which know no {@code java:comp/env}.
         */
        void createAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
            // the observer's only job is to make the container create this bean now
        }

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
