package com.subscriptions.pool.control;

import com.subscriptions.audit.control.AuditTrail;
import com.subscriptions.platform.control.Caller;
import com.subscriptions.platform.entity.InvalidInput;
import com.subscriptions.platform.entity.NotSupportedHere;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

/**
 * The container's JDBC pool ({@code jdbc/subscriptions}, see server-config/): live statistics and live tuning of its
 * sizes and wait timeout, through the management of the server it runs on (Payara Micro or WildFly, see
 * {@link PoolAdministration}). Every change is audited.
 */
@ApplicationScoped
public class ConnectionPool {

    private static final String POOL = "jdbc/subscriptions";

    @Inject
    @Any
    Instance<PoolAdministration> servers;

    @Inject
    AuditTrail audit;

    Optional<PoolAdministration> administration;

    @PostConstruct
    void findTheServer() {
        administration = ofThisServer(servers.stream());
    }

    /** The one implementation whose server this is, if any. */
    static Optional<PoolAdministration> ofThisServer(Stream<PoolAdministration> candidates) {
        return candidates.filter(PoolAdministration::available).findFirst();
    }

    public boolean available() {
        return administration.isPresent();
    }

    public PoolStatistics statistics() {
        return server().statistics();
    }

    /**
     * Null leaves a setting as it is, and so does its current value; steady must not exceed max. No restart needed,
     * where the server can resize its pool live (not WildFly: it refuses a new size before anything is changed).
     */
    public PoolStatistics tune(Integer steadySize, Integer maxSize, Integer maxWaitMillis, Caller caller) {
        PoolAdministration server = server();
        PoolStatistics current = server.statistics();
        long steady = steadySize == null ? current.steadyPoolSize() : steadySize;
        long max = maxSize == null ? current.maxPoolSize() : maxSize;
        if (steady > max) {
            throw InvalidInput.of("steady_pool_size", "must not exceed max_pool_size (" + max + ")");
        }
        StringBuilder changes = new StringBuilder();
        // Growing: raise the maximum first, so that steady never exceeds it on the way; shrinking: the reverse. The
        // sizes before the wait, so that a refused size leaves everything as it was.
        if (max >= current.maxPoolSize()) {
            set(server::setMaxPoolSize, "max_pool_size", maxSize, current.maxPoolSize(), changes);
            set(server::setSteadyPoolSize, "steady_pool_size", steadySize, current.steadyPoolSize(), changes);
        } else {
            set(server::setSteadyPoolSize, "steady_pool_size", steadySize, current.steadyPoolSize(), changes);
            set(server::setMaxPoolSize, "max_pool_size", maxSize, current.maxPoolSize(), changes);
        }
        set(server::setMaxWaitMillis, "max_wait_millis", maxWaitMillis, current.maxWaitMillis(), changes);
        audit.record("pool_tuned", "pool:" + POOL + changes, caller);
        return server.statistics();
    }

    /** Drops the pool's connections, lent ones included; new ones are opened on demand. */
    public void flush() {
        server().flush();
    }

    private static void set(IntConsumer setting, String name, Integer value, long current, StringBuilder changes) {
        if (value != null && value != current) {
            setting.accept(value);
            changes.append(' ').append(name).append('=').append(value);
        }
    }

    private PoolAdministration server() {
        return administration.orElseThrow(
                () -> new NotSupportedHere("Pool statistics and tuning need Payara Micro or WildFly"));
    }
}
