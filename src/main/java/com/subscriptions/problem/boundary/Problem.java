package com.subscriptions.problem.boundary;

import com.subscriptions.platform.entity.JsonP;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * An RFC 9457 problem detail. {@code message} repeats {@code detail} for clients of the original service;
 * {@code errors} names each invalid field; {@code request_id} ties the answer to the server log.
 */
public record Problem(int status, String title, String detail, Map<String, String> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        // Sorted, so that the same mistakes always read the same.
        errors = errors == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(errors));
    }

    public static Problem of(int status, String detail) {
        return new Problem(status, titleOf(status), detail, Map.of());
    }

    public static Problem invalid(Map<String, String> errors) {
        return new Problem(400, titleOf(400), "Validation failed: " + String.join(", ", errors.keySet()), errors);
    }

    public JsonObject toJson(String requestId) {
        JsonObjectBuilder json = JsonP.object()
                .add("type", "about:blank")
                .add("title", title)
                .add("status", status)
                .add("detail", detail)
                .add("message", detail);
        if (!errors.isEmpty()) {
            JsonObjectBuilder fields = JsonP.object();
            errors.forEach(fields::add);
            json.add("errors", fields);
        }
        if (requestId != null) {
            json.add("request_id", requestId);
        }
        return json.build();
    }

    public Response toResponse(String requestId) {
        return Response.status(status).type(MEDIA_TYPE).entity(toJson(requestId).toString()).build();
    }

    /** The same answer from a servlet or filter, where no JAX-RS mapper runs. */
    public void writeTo(HttpServletResponse response, String requestId) throws IOException {
        response.setStatus(status);
        response.setContentType(MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(toJson(requestId).toString());
    }

    static String titleOf(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        if (known != null) {
            return known.getReasonPhrase();
        }
        return switch (status) {
            case 422 -> "Unprocessable Content";
            case 429 -> "Too Many Requests";
            default -> "Error";
        };
    }
}
