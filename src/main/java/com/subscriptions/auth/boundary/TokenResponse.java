package com.subscriptions.auth.boundary;

import com.subscriptions.auth.control.TokenIssuer;

/** What refresh answers: the new access token and the refresh token that replaces the one used. */
public record TokenResponse(String accessToken, String refreshToken, String tokenType, long expiresIn) {

    static TokenResponse of(TokenIssuer.IssuedTokens tokens) {
        return new TokenResponse(tokens.accessToken(), tokens.refreshToken(), "Bearer", tokens.expiresIn());
    }
}
