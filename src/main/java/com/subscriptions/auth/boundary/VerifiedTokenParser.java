package com.subscriptions.auth.boundary;

import com.subscriptions.auth.control.VerifiedTokens;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * WildFly's MicroProfile JWT (SmallRye JWT) parses every bearer token with the {@code JWTParser} bean and asks no
 * identity store; this alternative to SmallRye's parser answers with a token verified before ({@link VerifiedTokens})
 * and parses only the others, as {@link VerifiedTokenStore} does on Payara. Payara has no SmallRye JWT: there this
 * class does not load, and CDI skips it.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class VerifiedTokenParser extends DefaultJWTParser {

    @Inject
    VerifiedTokens tokens;

    @Inject
    HttpServletRequest request;

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        var found = tokens.find(token);
        if (found.isEmpty()) {
            return super.parse(token);
        }
        request.setAttribute(VerifiedTokenStore.FOUND, Boolean.TRUE);
        return found.get().token();
    }
}
