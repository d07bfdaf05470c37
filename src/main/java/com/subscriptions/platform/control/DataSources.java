package com.subscriptions.platform.control;

/**
 * Where the container's connection pool is found. The name is the web module's own reference (web.xml), which each
 * server binds to its pool: payara-web.xml to {@code jdbc/subscriptions}, jboss-web.xml to
 * {@code java:/jdbc/subscriptions} (WildFly binds nothing outside {@code java:/}, {@code java:jboss},
 * {@code java:global}).
 */
public final class DataSources {

    public static final String SERVICE = "java:comp/env/jdbc/subscriptions";

    private DataSources() {
    }
}
