package com.subscriptions.platform.boundary;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/** Strong ETags from the JSON representation itself: equal JSON, equal tag, whatever produced it. */
public final class ETags {

    private ETags() {
    }

    public static EntityTag of(Object dto) {
        return ofJson(JsonbConfigurator.toJson(dto));
    }

    /**
     * The DTO's JSON with its ETag, or 304 Not Modified when the request's If-None-Match names that tag. The JSON
     * the tag was computed from is the body: the DTO is serialized once.
     */
    public static Response conditional(Request request, Object dto) {
        String json = JsonbConfigurator.toJson(dto);
        EntityTag tag = ofJson(json);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        return (notModified != null ? notModified : Response.ok(json, MediaType.APPLICATION_JSON_TYPE))
                .tag(tag).build();
    }

    private static EntityTag ofJson(String json) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
            return new EntityTag(Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether an If-Match header value matches the tag ({@code *} matches anything). */
    public static boolean matches(String ifMatch, EntityTag tag) {
        return Arrays.stream(ifMatch.split(",")).map(String::strip)
                .anyMatch(given -> given.equals("*") || given.equals("\"" + tag.getValue() + "\""));
    }
}
