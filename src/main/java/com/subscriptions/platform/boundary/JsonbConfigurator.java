package com.subscriptions.platform.boundary;

import com.subscriptions.platform.control.ContractJson;
import com.subscriptions.platform.entity.JsonP;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * JSON of the contract: as {@link ContractJson} writes it (snake_case, records in declaration order, nulls
 * written), and request booleans and numbers read strictly ({@link StrictScalars}).
 */
@Provider
public class JsonbConfigurator implements ContextResolver<Jsonb> {

    private static final Jsonb JSONB = JsonbBuilder.create(ContractJson.config()
            .withDeserializers(StrictScalars.all()));

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }

    /** A DTO as the API writes it. */
    public static String toJson(Object dto) {
        return JSONB.toJson(dto);
    }

    /** A DTO as a JSON object, to extend with members its type does not have. */
    public static JsonObject toJsonObject(Object dto) {
        return toJsonValue(dto).asJsonObject();
    }

    /** Any value (a list, a map) as JSON, to put inside another JSON value. */
    public static JsonValue toJsonValue(Object value) {
        return JsonP.parse(toJson(value));
    }
}
