package com.subscriptions.mail.control;

/** A mail went into the outbox in the current transaction: after the commit the dispatcher is woken. */
public record MailQueued() {
}
