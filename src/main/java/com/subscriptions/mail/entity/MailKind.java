package com.subscriptions.mail.entity;

/**
 * What a mail tells, which names its templates ({@code mail/<value>.txt} and {@code .html}). The notifications are
 * optional: a user who turned them off gets none; verification and password reset are always sent.
 */
public enum MailKind {
    VERIFY_EMAIL(false),
    RESET_PASSWORD(false),
    TRIAL_ENDING(true),
    RENEWED(true),
    CANCEL_SCHEDULED(true),
    SUBSCRIPTION_ENDED(true),
    PLAN_CHANGED(true);

    private final boolean optional;

    MailKind(boolean optional) {
        this.optional = optional;
    }

    public boolean optional() {
        return optional;
    }

    public String value() {
        return name().toLowerCase();
    }
}
