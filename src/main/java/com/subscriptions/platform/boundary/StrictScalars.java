package com.subscriptions.platform.boundary;

import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;

import java.lang.reflect.Type;
import java.math.BigDecimal;

/**
 * Request bodies' booleans and numbers, read strictly. JSON-B alone is lenient in ways that change data: a string
 * {@code " 1 "} or {@code "yes"} became {@code false}, an integer past the type's range wrapped around
 * ({@code 4294967297} → 1), an array became its first element. Here a boolean must be {@code true} or
 * {@code false}, an integer an integral JSON number within its type's range, a decimal a JSON number of sane size;
 * anything else is refused, and the problem names the field. (JSON-B finds a deserializer's type from the class's
 * generic interface, hence one small class per type.)
 */
final class StrictScalars {

    private StrictScalars() {
    }

    static JsonbDeserializer<?>[] all() {
        return new JsonbDeserializer<?>[]{new Booleans(), new Integers(), new Longs(), new Decimals()};
    }

    static final class Booleans implements JsonbDeserializer<Boolean> {
        @Override
        public Boolean deserialize(JsonParser parser, DeserializationContext context, Type type) {
            return switch (parser.getValue().getValueType()) {
                case NULL -> null;
                case TRUE -> true;
                case FALSE -> false;
                default -> throw new JsonbException("must be true or false");
            };
        }
    }

    static final class Integers implements JsonbDeserializer<Integer> {
        @Override
        public Integer deserialize(JsonParser parser, DeserializationContext context, Type type) {
            Long value = integral(parser.getValue(), Integer.MIN_VALUE, Integer.MAX_VALUE);
            return value == null ? null : value.intValue();
        }
    }

    static final class Longs implements JsonbDeserializer<Long> {
        @Override
        public Long deserialize(JsonParser parser, DeserializationContext context, Type type) {
            return integral(parser.getValue(), Long.MIN_VALUE, Long.MAX_VALUE);
        }
    }

    static final class Decimals implements JsonbDeserializer<BigDecimal> {
        /** Digits on either side of the point: far beyond any amount, far below what 1e308 would build. */
        private static final int MAX_DIGITS = 30;

        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonValue value = parser.getValue();
            if (value == JsonValue.NULL) {
                return null;
            }
            if (!(value instanceof JsonNumber number)) {
                throw new JsonbException("must be a number");
            }
            BigDecimal decimal = number.bigDecimalValue();
            if (decimal.precision() - decimal.scale() > MAX_DIGITS || decimal.scale() > MAX_DIGITS) {
                throw new JsonbException("must be a number of at most " + MAX_DIGITS + " digits");
            }
            return decimal;
        }
    }

    /** Null for JSON null (a required member is Bean Validation's to demand). */
    private static Long integral(JsonValue value, long min, long max) {
        if (value == JsonValue.NULL) {
            return null;
        }
        String range = "must be an integer from " + min + " to " + max;
        if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
            throw new JsonbException(range);
        }
        BigDecimal decimal = number.bigDecimalValue();
        if (decimal.compareTo(BigDecimal.valueOf(min)) < 0 || decimal.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new JsonbException(range);
        }
        return decimal.longValueExact();
    }
}
