package com.subscriptions.auth.boundary;

import com.subscriptions.auth.control.RevokedTokens;
import com.subscriptions.auth.control.TokenIssuer;
import com.subscriptions.auth.control.VerifiedTokens;
import com.subscriptions.platform.entity.NotAuthenticated;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * What MicroProfile JWT does not check: a token's type fits the route (a refresh token is not an access token,
 * nor the reverse), the token is not revoked, and an Authorization header of another scheme is refused rather
 * than ignored. Runs before the role checks. A token that passes is kept as verified ({@link VerifiedTokens}), so
 * that its next request skips the signature check (never these).
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION)
public class TokenPolicyFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Inject
    RevokedTokens revoked;

    @Inject
    VerifiedTokens verifiedTokens;

    @Override
    public void filter(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null) {
            return;
        }
        if (!(request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken token)) {
            throw refused("Authorization must be a Bearer token");
        }
        boolean refreshRoute = resource.getResourceMethod() != null
                && resource.getResourceMethod().isAnnotationPresent(RefreshTokenRequired.class);
        String expected = refreshRoute ? TokenIssuer.REFRESH : TokenIssuer.ACCESS;
        if (!expected.equals(token.getClaim(TokenIssuer.TOKEN_TYPE))) {
            throw refused("This route takes the " + expected + " token");
        }
        if (revoked.isRevoked(token.getTokenID(), token.getClaim(TokenIssuer.FAMILY))) {
            throw refused("Token has been revoked");
        }
        if (request.getProperty(VerifiedTokenStore.FOUND) == null) {
            BearerToken.of(authorization).ifPresent(raw -> verifiedTokens.remember(raw, token));
        }
    }

    private static NotAuthenticated refused(String detail) {
        return new NotAuthenticated(detail);
    }
}
