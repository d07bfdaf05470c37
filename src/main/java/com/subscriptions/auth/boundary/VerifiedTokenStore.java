package com.subscriptions.auth.boundary;

import com.subscriptions.auth.control.VerifiedTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Asked before MicroProfile JWT's own identity store (a lower priority comes first; Payara's is 100): answers with the
 * caller and groups of a bearer token verified before ({@link VerifiedTokens}), else "not validated", and the
 * MicroProfile JWT store verifies the token as always. The token is read from the request, as the mechanism read
 * the credential from it. Payara's MicroProfile JWT asks identity stores (and its tokens are caller principals);
 * WildFly's does not: there {@link VerifiedTokenParser} does the same.
 */
@ApplicationScoped
public class VerifiedTokenStore implements IdentityStore {

    static final int PRIORITY = 10;
    /** A request attribute: this request's token was found verified, so there is nothing to remember. */
    static final String FOUND = VerifiedTokenStore.class.getName() + ".found";

    @Inject
    HttpServletRequest request;

    @Inject
    VerifiedTokens tokens;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        return BearerToken.of(request.getHeader("Authorization")).flatMap(tokens::find)
                .filter(found -> found.token() instanceof CallerPrincipal).map(found -> {
                    request.setAttribute(FOUND, Boolean.TRUE);
                    return new CredentialValidationResult((CallerPrincipal) found.token(), found.groups());
                }).orElse(CredentialValidationResult.NOT_VALIDATED_RESULT);
    }

    @Override
    public int priority() {
        return PRIORITY;
    }
}
