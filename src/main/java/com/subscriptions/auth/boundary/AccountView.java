package com.subscriptions.auth.boundary;

import com.subscriptions.platform.control.Times;
import com.subscriptions.user.entity.User;

import java.time.Instant;

/** The caller's own account: the user JSON of the contract and the notification setting. */
public record AccountView(long id, String username, String email, boolean isAdmin, boolean emailVerified,
                          boolean emailNotifications, Instant createdAt, Instant updatedAt) {

    public static AccountView of(User user) {
        return new AccountView(user.id(), user.username(), user.email(), user.isAdmin(), user.emailVerified(),
                user.emailNotifications(), Times.seconds(user.createdAt()), Times.seconds(user.updatedAt()));
    }
}
