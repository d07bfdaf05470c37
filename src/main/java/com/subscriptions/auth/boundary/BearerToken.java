package com.subscriptions.auth.boundary;

import java.util.Optional;

/** The token of an {@code Authorization: Bearer …} header, read as MicroProfile JWT reads it. */
final class BearerToken {

    private static final String SCHEME = "Bearer ";

    private BearerToken() {
    }

    static Optional<String> of(String authorization) {
        return authorization != null && authorization.startsWith(SCHEME) && authorization.length() > SCHEME.length()
                ? Optional.of(authorization.substring(SCHEME.length())) : Optional.empty();
    }
}
