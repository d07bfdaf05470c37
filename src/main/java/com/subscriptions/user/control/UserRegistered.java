package com.subscriptions.user.control;

import com.subscriptions.user.entity.User;

/** An account was created, fired in the registering transaction (the verification mail is written in it). */
public record UserRegistered(User user) {
}
