package com.subscriptions.platform.entity;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** Fields of a request are invalid: each named with what is wrong with it (sorted, so the same mistakes read the same). */
public class InvalidInput extends DomainException {

    private final transient Map<String, String> errors;

    public InvalidInput(Map<String, String> errors) {
        super("Validation failed: " + String.join(", ", new TreeMap<>(errors).keySet()));
        this.errors = Collections.unmodifiableMap(new TreeMap<>(errors));
    }

    public static InvalidInput of(String field, String whatIsWrong) {
        return new InvalidInput(Map.of(field, whatIsWrong));
    }

    public Map<String, String> errors() {
        return errors;
    }
}
