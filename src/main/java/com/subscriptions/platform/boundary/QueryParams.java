package com.subscriptions.platform.boundary;

import com.subscriptions.platform.control.PageRequest;
import com.subscriptions.platform.entity.CodedEnum;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Query parameters arrive as text and are parsed here, so that a mistyped one answers 400 naming the
 * parameter (JAX-RS itself would answer 404 for a query parameter it cannot convert).
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static PageRequest page(String page, String perPage) {
        int pageNumber = integer("page", page, 1, 1, Integer.MAX_VALUE);
        int size = integer("per_page", perPage, PageRequest.DEFAULT_PER_PAGE, 1, PageRequest.MAX_PER_PAGE);
        return new PageRequest(pageNumber, size);
    }

    public static int integer(String name, String value, int absent, int min, int max) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalidField(name, "must be an integer from " + min + " to " + max);
    }

    public static boolean bool(String name, String value, boolean absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        return switch (value.strip().toLowerCase()) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw ProblemException.invalidField(name, "must be true or false");
        };
    }

    /** An optional enum value given by its code; {@code null} when absent. */
    public static <E extends Enum<E> & CodedEnum> E code(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return CodedEnum.fromValue(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(name, "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(CodedEnum::value).collect(Collectors.joining(", ")));
        }
    }
}
