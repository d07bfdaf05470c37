package com.subscriptions.paging.boundary;

import com.subscriptions.paging.control.Cursor;
import com.subscriptions.paging.control.PageRequest;
import com.subscriptions.platform.entity.CodedEnum;
import com.subscriptions.platform.entity.InvalidInput;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Query parameters arrive as text and are parsed here, so that a mistyped one answers 400 naming the
 * parameter (JAX-RS itself would answer 404 for a query parameter it cannot convert).
 */
public final class QueryParams {

    /** OpenAPI description of the {@code cursor} parameter of every list. */
    public static final String CURSOR = "Keyset paging: next_cursor of the previous page, or empty for the first "
            + "page (then total, page and pages are null and nothing is counted). Not with page.";
    /** OpenAPI description of the {@code fields} parameter. */
    public static final String FIELDS = "Comma-separated fields to return of each item (default: all)";

    private QueryParams() {
    }

    /**
     * Offset paging ({@code page}, {@code per_page}), or keyset paging when {@code cursor} is given: the
     * {@code next_cursor} of the previous page, or empty for the first page.
     */
    public static PageRequest page(String page, String perPage, String cursor) {
        int size = integer("per_page", perPage, PageRequest.DEFAULT_PER_PAGE, 1, PageRequest.MAX_PER_PAGE);
        if (cursor == null) {
            return PageRequest.offset(integer("page", page, 1, 1, Integer.MAX_VALUE), size);
        }
        if (page != null) {
            throw InvalidInput.of("page", "cannot be combined with cursor");
        }
        return PageRequest.after(cursor.isBlank() ? null : Cursor.decode(cursor.strip()), size);
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
        throw InvalidInput.of(name, "must be an integer from " + min + " to " + max);
    }

    public static boolean bool(String name, String value, boolean absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        return switch (value.strip().toLowerCase()) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw InvalidInput.of(name, "must be true or false");
        };
    }

    /** A comma-separated list of codes; empty when absent. */
    public static <E extends Enum<E> & CodedEnum> List<E> codes(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(code -> CodedEnum.parse(name, code, type)).filter(Objects::nonNull).toList();
    }

    /**
     * An ISO date ({@code 2026-01-31}) or UTC datetime ({@code 2026-01-31T12:00:00Z}); a date stands for the start
     * of that day, or with {@code endOfDay} its last instant, so that a range of dates is inclusive.
     */
    public static Instant instant(String name, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return endOfDay ? day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1000)
                        : day.atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw InvalidInput.of(name, "must be an ISO date (2026-01-31) or datetime (2026-01-31T12:00:00Z)");
        }
    }
}
