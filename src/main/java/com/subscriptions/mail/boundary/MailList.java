package com.subscriptions.mail.boundary;

import com.subscriptions.mail.control.MailView;

import java.util.List;

/** Mails of the outbox, newest first. */
public record MailList(List<MailView> messages) {
}
