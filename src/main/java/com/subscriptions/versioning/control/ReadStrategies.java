package com.subscriptions.versioning.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one place that chooses the implementation of a read interface for an API version: the bean qualified
 * {@link ReadStrategy @ReadStrategy(version)}. Each interface's implementations are looked up once, on first use,
 * and kept; resources ask {@code strategies.of(PlanReads.class, version)} per request.
 */
@ApplicationScoped
public class ReadStrategies {

    @Inject
    @Any
    Instance<Object> beans;

    private final Map<Class<?>, Map<ApiVersion, Object>> chosen = new ConcurrentHashMap<>();

    /** @throws jakarta.enterprise.inject.UnsatisfiedResolutionException when a version has no implementation */
    public <T> T of(Class<T> readInterface, ApiVersion version) {
        return readInterface.cast(chosen.computeIfAbsent(readInterface, this::byVersion).get(version));
    }

    private Map<ApiVersion, Object> byVersion(Class<?> readInterface) {
        Map<ApiVersion, Object> strategies = new EnumMap<>(ApiVersion.class);
        for (ApiVersion version : ApiVersion.values()) {
            strategies.put(version, beans.select(readInterface, ReadStrategy.Literal.of(version)).get());
        }
        return strategies;
    }
}
