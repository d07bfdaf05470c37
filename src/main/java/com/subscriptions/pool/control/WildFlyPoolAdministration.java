package com.subscriptions.pool.control;

import com.subscriptions.platform.entity.NotSupportedHere;
import jakarta.enterprise.context.Dependent;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import javax.management.Attribute;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * The pool on WildFly: data source {@code SubscriptionsDS} ({@code java:/jdbc/subscriptions}), through WildFly's
 * management model as its JMX subsystem shows it in the platform MBean server, in-VM: domain {@code jboss.as}, the
 * model's names in camelCase ({@code max-pool-size} is {@code maxPoolSize}). The figures need
 * {@code statistics-enabled=true} on the data source.
 */
@Dependent
class WildFlyPoolAdministration implements PoolAdministration {

    private static final String DATA_SOURCE = "jboss.as:subsystem=datasources,data-source=SubscriptionsDS";
    private static final ObjectName SETTINGS = objectName(DATA_SOURCE);
    private static final ObjectName FIGURES = objectName(DATA_SOURCE + ",statistics=pool");
    private static final String[] SETTING_NAMES = {"minPoolSize", "maxPoolSize", "blockingTimeoutWaitMillis"};
    private static final String[] FIGURE_NAMES = {"statisticsEnabled", "InUseCount", "IdleCount", "MaxUsedCount",
            "AverageGetTime", "CreatedCount", "DestroyedCount"};
    /** How IronJacamar heads the dump of each thread that waits for a connection. */
    private static final Pattern QUEUED_THREAD = Pattern.compile("Queued thread: ", Pattern.LITERAL);

    @Override
    public boolean available() {
        return ManagementFactory.getPlatformMBeanServer().isRegistered(SETTINGS);
    }

    @Override
    public PoolStatistics statistics() {
        Map<String, Object> figures = read(FIGURES, FIGURE_NAMES);
        if (!Boolean.TRUE.equals(figures.get("statisticsEnabled"))) {
            // Else every figure reads 0.
            throw new NotSupportedHere("Pool statistics need statistics-enabled=true on WildFly's data source "
                    + "SubscriptionsDS");
        }
        return statisticsOf(figures, read(SETTINGS, SETTING_NAMES), queuedThreads());
    }

    /**
     * WildFly's figures (its pool is IronJacamar's) as the application's:
     * <ul>
     * <li>in_use: {@code InUseCount}, the connections lent out (permits taken from the pool's semaphore);</li>
     * <li>free: {@code IdleCount}, the pool's connections not lent ({@code ActiveCount - InUseCount}: below 0 for the
     * moment a permit is taken before its connection exists, hence the floor);</li>
     * <li>waiting: the threads queued for a connection now, as {@code dump-queued-threads-in-pool} lists them
     * ({@code WaitCount} is another figure: the total of requests that ever had to wait);</li>
     * <li>max_used: {@code MaxUsedCount}, the most connections lent at once;</li>
     * <li>average_wait_millis: {@code AverageGetTime}, from asking for a connection to holding it, the wait for a
     * permit included (IronJacamar averages only the gets that took 1 ms or more);</li>
     * <li>created, destroyed: {@code CreatedCount}, {@code DestroyedCount};</li>
     * <li>acquired: null, WildFly does not count the connections handed out;</li>
     * <li>steady_pool_size, max_pool_size, max_wait_millis: {@code min-pool-size}, {@code max-pool-size},
     * {@code blocking-timeout-wait-millis}, read as undefined when not configured: then IronJacamar's 0, 20 and
     * 30000.</li>
     * </ul>
     */
    static PoolStatistics statisticsOf(Map<String, ?> figures, Map<String, ?> settings, long waiting) {
        return new PoolStatistics(number(figures, "InUseCount", 0), Math.max(0, number(figures, "IdleCount", 0)),
                waiting, number(figures, "MaxUsedCount", 0), number(figures, "AverageGetTime", 0),
                number(figures, "CreatedCount", 0), number(figures, "DestroyedCount", 0), null,
                number(settings, "minPoolSize", 0), number(settings, "maxPoolSize", 20),
                number(settings, "blockingTimeoutWaitMillis", 30_000));
    }

    @Override
    public void setSteadyPoolSize(int size) {
        throw needsReload("min-pool-size");
    }

    @Override
    public void setMaxPoolSize(int size) {
        throw needsReload("max-pool-size");
    }

    /** Taken by the running pool at once, without a reload: each wait for a connection reads it. */
    @Override
    public void setMaxWaitMillis(int millis) {
        call("writing blocking-timeout-wait-millis", mbeans -> {
            mbeans.setAttribute(SETTINGS, new Attribute("blockingTimeoutWaitMillis", (long) millis));
            return null;
        });
    }

    @Override
    public void flush() {
        call("flush-all-connection-in-pool",
                mbeans -> mbeans.invoke(SETTINGS, "flushAllConnectionInPool", new Object[0], new String[0]));
    }

    /**
     * WildFly marks a new pool size "reload required", and rightly: a running pool keeps the maximum it started with
     * (the semaphore that lends its connections is sized once), so a size written now would be reported, not applied;
     * and until the reload WildFly's readiness check answers DOWN (its server-state check).
     */
    private static NotSupportedHere needsReload(String attribute) {
        return new NotSupportedHere("WildFly applies the pool's " + attribute + " only after a reload of the server: "
                + "change it in the configuration of the data source SubscriptionsDS");
    }

    /** The threads queued for a connection now, from WildFly's dump of them (nothing when there are none). */
    private static long queuedThreads() {
        Object dump = call("dump-queued-threads-in-pool",
                mbeans -> mbeans.invoke(SETTINGS, "dumpQueuedThreadsInPool", new Object[0], new String[0]));
        return dump == null ? 0 : QUEUED_THREAD.matcher(dump.toString()).results().count();
    }

    private static Map<String, Object> read(ObjectName name, String... attributes) {
        Map<String, Object> values = new HashMap<>();
        for (Attribute attribute : call("reading " + name, mbeans -> mbeans.getAttributes(name, attributes)).asList()) {
            values.put(attribute.getName(), attribute.getValue());
        }
        return values;
    }

    private static long number(Map<String, ?> values, String name, long undefined) {
        return values.get(name) instanceof Number number ? number.longValue() : undefined;
    }

    private static <T> T call(String what, MBeanCall<T> call) {
        try {
            return call.on(ManagementFactory.getPlatformMBeanServer());
        } catch (JMException e) {
            throw new IllegalStateException(what + " failed", e);
        }
    }

    private static ObjectName objectName(String name) {
        try {
            return new ObjectName(name);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException(name, e);
        }
    }

    private interface MBeanCall<T> {
        T on(MBeanServer mbeans) throws JMException;
    }
}
