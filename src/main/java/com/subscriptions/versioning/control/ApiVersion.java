package com.subscriptions.versioning.control;

import java.util.Arrays;

/** The API versions: the same routes and JSON, each reading through its own strategy. */
public enum ApiVersion {
    /** JPA Criteria queries. */
    V1("v1"),
    /** Native SQL on the container DataSource, one statement a read. */
    V2("v2"),
    /** JPA entity graphs and selected columns, behind JCache (Ehcache). */
    V3("v3");

    /** The path segment of the versioned routes, a regular expression of every version. */
    public static final String PATH = "{version: v1|v2|v3}";

    private final String segment;

    ApiVersion(String segment) {
        this.segment = segment;
    }

    /** The version as a path segment: {@code v1}. */
    public String segment() {
        return segment;
    }

    /** Used by JAX-RS to convert the {@code version} path parameter. */
    public static ApiVersion fromString(String segment) {
        return Arrays.stream(values()).filter(v -> v.segment.equals(segment)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown API version: " + segment));
    }
}
