package com.subscriptions.platform.entity;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.io.StringReader;

/**
 * JSON-P through one provider, looked up once. {@code Json.createReader()} and its siblings look the provider up
 * on every call, which in the server is a ServiceLoader scan of every jar of the application: measured (JFR) as the
 * largest cost of a cached v3 read.
 */
public final class JsonP {

    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private JsonP() {
    }

    public static JsonValue parse(String text) {
        try (JsonReader reader = PROVIDER.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    public static JsonObject parseObject(String text) {
        return parse(text).asJsonObject();
    }

    public static JsonObjectBuilder object() {
        return PROVIDER.createObjectBuilder();
    }

    /** A builder that starts with the members of {@code base}. */
    public static JsonObjectBuilder object(JsonObject base) {
        return PROVIDER.createObjectBuilder(base);
    }

    public static JsonArrayBuilder array() {
        return PROVIDER.createArrayBuilder();
    }
}
