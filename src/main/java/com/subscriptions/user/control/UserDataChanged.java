package com.subscriptions.user.control;

/**
 * Something a user reads about themselves changed (a subscription, a role), fired inside the writing transaction;
 * caches of that user's reads observe it after the commit.
 */
public record UserDataChanged(long userId) {
}
