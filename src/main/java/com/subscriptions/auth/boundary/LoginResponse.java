package com.subscriptions.auth.boundary;

import com.subscriptions.auth.control.Sessions;

/** What login answers: the tokens and who they are for. */
public record LoginResponse(String accessToken, String refreshToken, String tokenType, long expiresIn, long userId,
                            String username, boolean isAdmin) {

    static LoginResponse of(Sessions.LoginResult login) {
        return new LoginResponse(login.tokens().accessToken(), login.tokens().refreshToken(), "Bearer",
                login.tokens().expiresIn(), login.user().id(), login.user().username(), login.user().isAdmin());
    }
}
