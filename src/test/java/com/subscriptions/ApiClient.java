package com.subscriptions;

import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.specification.RequestSpecification;

/** Where the integration tests reach the deployed service: loopback, on the port the build chose. */
public final class ApiClient {

    public static final String BASE_URI = "http://127.0.0.1:" + System.getProperty("it.http.port", "18080");

    private ApiClient() {
    }

    public static RequestSpecification api() {
        return RestAssured.given(new RequestSpecBuilder().setBaseUri(BASE_URI).build());
    }
}
