package com.subscriptions.versioning.control;

import jakarta.enterprise.inject.Instance;

import java.util.EnumMap;
import java.util.Map;

/** The implementation of a read interface for each API version, looked up once rather than per request. */
public final class ReadStrategies {

    private ReadStrategies() {
    }

    public static <T> Map<ApiVersion, T> byVersion(Instance<T> implementations) {
        Map<ApiVersion, T> strategies = new EnumMap<>(ApiVersion.class);
        for (ApiVersion version : ApiVersion.values()) {
            strategies.put(version, implementations.select(ReadStrategy.Literal.of(version)).get());
        }
        return strategies;
    }
}
