package com.subscriptions.platform.control;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;

/**
 * The JSON of the contract as the API writes it: snake_case names, records' members in the order they are declared
 * ({@link RecordsInDeclarationOrder}), null members written rather than dropped. For what leaves the service
 * outside an HTTP answer (webhook payloads) in exactly the API's form.
 */
public final class ContractJson {

    private ContractJson() {
    }

    /** The writing half of the API's configuration; the API adds strict reading to it. */
    public static JsonbConfig config() {
        return new JsonbConfig()
                .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES)
                .withNullValues(true)
                .withSerializers(new RecordsInDeclarationOrder());
    }

    private static final Jsonb JSONB = JsonbBuilder.create(config());

    public static String toJson(Object value) {
        return JSONB.toJson(value);
    }
}
