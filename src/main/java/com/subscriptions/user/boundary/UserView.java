package com.subscriptions.user.boundary;

import com.subscriptions.platform.control.Times;
import com.subscriptions.user.entity.User;

import java.time.Instant;

/** An account as the API shows it: never its password or hash. */
public record UserView(long id, String username, String email, boolean isAdmin, boolean emailVerified,
                       Instant createdAt, Instant updatedAt) {

    public static UserView of(User user) {
        return new UserView(user.id(), user.username(), user.email(), user.isAdmin(), user.emailVerified(),
                Times.seconds(user.createdAt()), Times.seconds(user.updatedAt()));
    }
}
