package com.subscriptions.mail.entity;

/** A mail as its template made it: subject, plain text and HTML. */
public record RenderedMail(String subject, String text, String html) {
}
