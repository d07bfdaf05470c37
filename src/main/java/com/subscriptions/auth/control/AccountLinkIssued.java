package com.subscriptions.auth.control;

import com.subscriptions.auth.entity.AccountToken;
import com.subscriptions.user.entity.User;

import java.time.Duration;

/**
 * A single-use token was issued for the user, fired in the issuing transaction: the mail that carries it is written
 * to the outbox there, so that the token and its mail commit together. The plain token exists only here and in
 * that mail.
 */
public record AccountLinkIssued(User user, AccountToken.Purpose purpose, String token, Duration validFor) {
}
