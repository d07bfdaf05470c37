package com.subscriptions;

/**
 * Which server the integration tests run against (the build runs them on both): for the few answers that differ,
 * each stated where a test branches on it.
 */
public final class TestServer {

    private TestServer() {
    }

    public static boolean isWildFly() {
        return "wildfly".equals(System.getProperty("it.server"));
    }
}
