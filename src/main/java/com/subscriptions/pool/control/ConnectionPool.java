package com.subscriptions.pool.control;

import com.subscriptions.audit.control.AuditTrail;
import com.subscriptions.platform.control.Caller;
import com.subscriptions.platform.entity.InvalidInput;
import com.subscriptions.platform.entity.NotSupportedHere;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;

/**
 * The container's JDBC pool ({@code SubscriptionsPool}, see server-config/): live statistics (monitoring level HIGH
 * and Payara's probe agent make them count) and live tuning of its sizes and wait timeout, through Payara's own
 * commands. Every change is audited.
 */
@ApplicationScoped
public class ConnectionPool {

    static final String POOL = "SubscriptionsPool";
    private static final String CONFIG = "resources.jdbc-connection-pool." + POOL + ".";

    @Inject
    AuditTrail audit;

    public PoolStatistics statistics() {
        requirePayara();
        Map<String, String> monitored = PayaraCommands.values(PayaraCommands.run("get", "--monitor=true",
                "server.resources." + POOL + ".*"));
        Map<String, String> settings = PayaraCommands.values(PayaraCommands.run("get", CONFIG + "*"));
        // Payara's "numconnused" drifts above the pool's size (its probe counts uses, not lent connections): the
        // connections lent out are those the pool holds (created - destroyed) less the free ones.
        long free = number(monitored, "numconnfree-current");
        long held = number(monitored, "numconncreated-count") - number(monitored, "numconndestroyed-count");
        return new PoolStatistics(
                Math.max(0, held - free), free,
                number(monitored, "waitqueuelength-count"), number(monitored, "numconnused-highwatermark"),
                number(monitored, "averageconnwaittime-count"), number(monitored, "numconncreated-count"),
                number(monitored, "numconndestroyed-count"), number(monitored, "numconnacquired-count"),
                number(settings, "steady-pool-size"), number(settings, "max-pool-size"),
                number(settings, "max-wait-time-in-millis"));
    }

    /** Null leaves a setting as it is; steady must not exceed max. No restart needed. */
    public PoolStatistics tune(Integer steadySize, Integer maxSize, Integer maxWaitMillis, Caller caller) {
        requirePayara();
        PoolStatistics current = statistics();
        long steady = steadySize == null ? current.steadyPoolSize() : steadySize;
        long max = maxSize == null ? current.maxPoolSize() : maxSize;
        if (steady > max) {
            throw InvalidInput.of("steady_pool_size", "must not exceed max_pool_size (" + max + ")");
        }
        StringBuilder changes = new StringBuilder();
        // Growing: raise the maximum first, so that steady never exceeds it on the way; shrinking: the reverse.
        if (max >= current.maxPoolSize()) {
            set("max-pool-size", maxSize, changes);
            set("steady-pool-size", steadySize, changes);
        } else {
            set("steady-pool-size", steadySize, changes);
            set("max-pool-size", maxSize, changes);
        }
        set("max-wait-time-in-millis", maxWaitMillis, changes);
        audit.record("pool_tuned", "pool:" + POOL + changes, caller);
        return statistics();
    }

    private static void set(String attribute, Integer value, StringBuilder changes) {
        if (value != null) {
            PayaraCommands.run("set", CONFIG + attribute + "=" + value);
            changes.append(' ').append(attribute).append('=').append(value);
        }
    }

    private static long number(Map<String, String> values, String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? 0 : Long.parseLong(value.replaceAll("[^0-9-].*$", ""));
    }

    private static void requirePayara() {
        if (!PayaraCommands.available()) {
            throw new NotSupportedHere("Pool statistics and tuning need Payara Micro");
        }
    }
}
