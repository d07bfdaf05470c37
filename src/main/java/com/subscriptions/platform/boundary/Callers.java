package com.subscriptions.platform.boundary;

import com.subscriptions.platform.control.Caller;
import com.subscriptions.platform.control.ClientAddresses;
import com.subscriptions.platform.entity.Roles;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Collections;
import java.util.Optional;

/**
 * Who is calling in the current request: the user named by a verified token (if any), the client address (from
 * X-Forwarded-For only as far as configured proxies vouch for it: {@link ClientAddresses}) and the request id.
 * Resources read it once per request and hand the value to the use case.
 */
@ApplicationScoped
public class Callers {

    @Inject
    HttpServletRequest request;

    @Inject
    @ConfigProperty(name = "trusted-proxies")
    Optional<String> trustedProxies;

    private ClientAddresses addresses;

    @PostConstruct
    void readTrustedProxies() {
        addresses = ClientAddresses.trusting(trustedProxies.orElse(""));
    }

    public Caller current() {
        String address = addresses.clientOf(request.getRemoteAddr(),
                Collections.list(request.getHeaders("X-Forwarded-For")));
        String requestId = RequestIdFilter.requestIdOf(request);
        if (request.getUserPrincipal() instanceof JsonWebToken token && token.getSubject() != null) {
            // A token's roles are its groups (MicroProfile JWT): read there, not through the container's
            // authorization check of isUserInRole (a permission check on every request).
            return new Caller(Long.valueOf(token.getSubject()), token.getName(),
                    token.getGroups().contains(Roles.ADMIN), address, requestId);
        }
        return new Caller(null, null, false, address, requestId);
    }
}
