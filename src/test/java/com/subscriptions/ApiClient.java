package com.subscriptions;

import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.specification.RequestSpecification;

/** Where the integration tests reach the deployed service: loopback, on the port the build chose. */
public final class ApiClient {

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    public static final String BASE_URI = "http://127.0.0.1:" + System.getProperty("it.http.port", "18080");

    /** MicroProfile Health: Payara serves it on the service's port, WildFly on its management port. */
    public static final String HEALTH_URI = System.getProperty("it.health.uri", BASE_URI + "/health");

    private ApiClient() {
    }

    /**
     * A request from a client of its own: each carries a random X-Forwarded-For address (trusted by the test
     * server), so per-address rate limits only meet the tests that aim at them.
     */
    public static RequestSpecification api() {
        return from(randomClientAddress());
    }

    /** An address in 10.0.0.0/8, for a client of its own. */
    public static String randomClientAddress() {
        return "10." + RANDOM.nextInt(256) + "." + RANDOM.nextInt(256) + "." + (1 + RANDOM.nextInt(254));
    }

    /** A request from the given client address. */
    public static RequestSpecification from(String clientAddress) {
        return RestAssured.given(new RequestSpecBuilder().setBaseUri(BASE_URI).build())
                .header("X-Forwarded-For", clientAddress);
    }

    /** A request to the health routes ({@code /live}, {@code /ready}). */
    public static RequestSpecification health() {
        return RestAssured.given(new RequestSpecBuilder().setBaseUri(HEALTH_URI).build());
    }

    public static RequestSpecification api(String bearerToken) {
        return api().header("Authorization", "Bearer " + bearerToken);
    }
}
