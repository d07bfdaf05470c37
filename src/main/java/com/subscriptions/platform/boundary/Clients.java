package com.subscriptions.platform.boundary;

import com.subscriptions.platform.control.ClientInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who is calling in the current request: the client address (from X-Forwarded-For only behind a trusted proxy)
 * and the request id.
 */
@ApplicationScoped
public class Clients {

    @Inject
    HttpServletRequest request;

    @Inject
    @ConfigProperty(name = "rate-limit.trust-forwarded-for")
    boolean trustForwardedFor;

    public ClientInfo current() {
        String address = request.getRemoteAddr();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (trustForwardedFor && forwarded != null && !forwarded.isBlank()) {
            address = forwarded.split(",")[0].strip();
        }
        return new ClientInfo(address, RequestIdFilter.requestIdOf(request));
    }
}
