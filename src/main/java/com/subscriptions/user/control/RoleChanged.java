package com.subscriptions.user.control;

/**
 * An admin granted or removed a user's admin role, fired inside the writing transaction: whoever holds
 * credentials that carry roles (sessions) observes it there, so that the change and its consequences commit together.
 */
public record RoleChanged(long userId, boolean admin) {
}
