package com.subscriptions.platform.boundary;

import com.subscriptions.platform.control.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling in the current request: the user named by a verified token (if any), the client address (from
 * X-Forwarded-For only behind a trusted proxy) and the request id. Resources read it once per request and hand the
 * value to the use case.
 */
@ApplicationScoped
public class Callers {

    @Inject
    HttpServletRequest request;

    @Inject
    @ConfigProperty(name = "rate-limit.trust-forwarded-for")
    boolean trustForwardedFor;

    public Caller current() {
        String address = request.getRemoteAddr();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (trustForwardedFor && forwarded != null && !forwarded.isBlank()) {
            address = forwarded.split(",")[0].strip();
        }
        String requestId = RequestIdFilter.requestIdOf(request);
        if (request.getUserPrincipal() instanceof JsonWebToken token && token.getSubject() != null) {
            return new Caller(Long.valueOf(token.getSubject()), token.getName(), address, requestId);
        }
        return new Caller(null, null, address, requestId);
    }
}
