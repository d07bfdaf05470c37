package com.subscriptions.idempotency.boundary;

import com.subscriptions.idempotency.control.IdempotencyKeys;
import com.subscriptions.platform.boundary.JsonbConfigurator;
import com.subscriptions.platform.entity.InvalidInput;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Idempotency-Key on the routes marked {@link Idempotent}: the first request with a key (per user) runs and its
 * answer is stored; a repeat with the same key and the same request gets that answer again and runs nothing;
 * the same key with another request is 422. Answers of the server's own failures (5xx) are not kept.
 */
@Provider
@Idempotent
@Priority(Priorities.USER)
public class IdempotencyFilter implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String HEADER = "Idempotency-Key";
    private static final String CLAIM = IdempotencyFilter.class.getName() + ".claim";
    private static final int MAX_KEY_LENGTH = 100;

    @Inject
    IdempotencyKeys keys;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String key = request.getHeaderString(HEADER);
        if (key == null || !(request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken user)) {
            return;
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw InvalidInput.of(HEADER, "must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        byte[] body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
        request.setEntityStream(new ByteArrayInputStream(body));
        IdempotencyKeys.Claim claim = keys.claim(Long.parseLong(user.getSubject()), key,
                hash(request.getMethod(), request.getUriInfo().getPath(), body));
        if (claim.replay() != null) {
            request.abortWith(Response.status(claim.replay().status())
                    .type(claim.replay().contentType())
                    .entity(claim.replay().responseBody())
                    .header("Idempotent-Replayed", "true")
                    .build());
        } else {
            request.setProperty(CLAIM, claim);
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(CLAIM) instanceof IdempotencyKeys.Claim claim)) {
            return;
        }
        if (response.getStatus() >= 500) {
            keys.release(claim);
            return;
        }
        Object entity = response.getEntity();
        String body = entity == null ? "" : entity instanceof String text ? text : JsonbConfigurator.toJson(entity);
        MediaType type = response.getMediaType();
        keys.answer(claim, response.getStatus(), type == null ? MediaType.APPLICATION_JSON : type.toString(), body);
    }

    private static String hash(String method, String path, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
