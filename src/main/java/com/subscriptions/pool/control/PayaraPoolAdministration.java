package com.subscriptions.pool.control;

import jakarta.enterprise.context.Dependent;

import java.util.Map;

/**
 * The pool on Payara Micro: {@code SubscriptionsPool} (see server-config/), read and changed through Payara's own
 * commands, live. Its statistics count because of monitoring level HIGH and Payara's probe agent.
 */
@Dependent
class PayaraPoolAdministration implements PoolAdministration {

    private static final String POOL = "SubscriptionsPool";
    private static final String CONFIG = "resources.jdbc-connection-pool." + POOL + ".";

    @Override
    public boolean available() {
        return PayaraCommands.available();
    }

    @Override
    public PoolStatistics statistics() {
        Map<String, String> monitored = PayaraCommands.values(PayaraCommands.monitored("server.resources." + POOL
                + ".*"));
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

    @Override
    public void setSteadyPoolSize(int size) {
        set("steady-pool-size", size);
    }

    @Override
    public void setMaxPoolSize(int size) {
        set("max-pool-size", size);
    }

    @Override
    public void setMaxWaitMillis(int millis) {
        set("max-wait-time-in-millis", millis);
    }

    @Override
    public void flush() {
        PayaraCommands.run("flush-connection-pool", POOL);
    }

    private static void set(String attribute, int value) {
        PayaraCommands.run("set", CONFIG + attribute + "=" + value);
    }

    private static long number(Map<String, String> values, String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? 0 : Long.parseLong(value.replaceAll("[^0-9-].*$", ""));
    }
}
