package com.subscriptions.platform.entity;

import jakarta.persistence.AttributeConverter;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * An enum whose constants travel as a lower-case code ({@code semi-annual}, {@code past_due}) in JSON and in
 * the database.
 */
public interface CodedEnum {

    /** The name used in JSON and in the database. */
    String value();

    static <E extends Enum<E> & CodedEnum> E fromValue(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.value().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Unknown " + type.getSimpleName() + ": " + value));
    }

    /**
     * The constant of a code given in a request: {@code null} when absent, and {@link InvalidInput} naming the
     * field and the allowed codes when unknown.
     */
    static <E extends Enum<E> & CodedEnum> E parse(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String code = value.strip();
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.value().equals(code)).findFirst()
                .orElseThrow(() -> InvalidInput.of(field, "must be one of " + Arrays.stream(type.getEnumConstants())
                        .map(CodedEnum::value).collect(Collectors.joining(", "))));
    }

    /** Stores the code; each enum declares a concrete subclass so JPA can apply it automatically. */
    abstract class ColumnConverter<E extends Enum<E> & CodedEnum> implements AttributeConverter<E, String> {
        private final Class<E> type;

        protected ColumnConverter(Class<E> type) {
            this.type = type;
        }

        @Override
        public String convertToDatabaseColumn(E value) {
            return value == null ? null : value.value();
        }

        @Override
        public E convertToEntityAttribute(String column) {
            return column == null ? null : fromValue(type, column);
        }
    }
}
