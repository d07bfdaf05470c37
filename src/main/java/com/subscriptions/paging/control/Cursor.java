package com.subscriptions.paging.control;

import com.subscriptions.platform.entity.InvalidInput;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * A keyset position: the sort key and the id of the last item a client has seen. Opaque to clients (URL-safe
 * Base64 of {@code key|id}); the key keeps the database's full precision, so that no row is skipped or repeated.
 */
public record Cursor(String key, long id) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    public static Cursor of(Instant key, long id) {
        return new Cursor(key.toString(), id);
    }

    public static Cursor of(int key, long id) {
        return new Cursor(Integer.toString(key), id);
    }

    public String encode() {
        return ENCODER.encodeToString((key + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** @throws InvalidInput when the text is not a cursor this service issued */
    public static Cursor decode(String text) {
        try {
            String decoded = new String(DECODER.decode(text), StandardCharsets.UTF_8);
            int bar = decoded.lastIndexOf('|');
            if (bar < 1) {
                throw invalid();
            }
            return new Cursor(decoded.substring(0, bar), Long.parseLong(decoded.substring(bar + 1)));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    /** The key as the type of the list's sort column. */
    public Object key(Class<?> type) {
        try {
            if (type == Instant.class) {
                return Instant.parse(key);
            }
            if (type == Integer.class || type == int.class) {
                return Integer.valueOf(key);
            }
        } catch (DateTimeParseException | NumberFormatException e) {
            throw invalid();
        }
        throw new IllegalArgumentException("No cursor key of type " + type);
    }

    /** A cursor that was not issued by this list (tampered with, or from another list). */
    private static InvalidInput invalid() {
        return InvalidInput.of("cursor", "is not a cursor issued by this list");
    }
}
