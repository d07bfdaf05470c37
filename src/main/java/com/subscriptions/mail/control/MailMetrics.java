package com.subscriptions.mail.control;

import com.subscriptions.webhook.control.OutboxGauges;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The mail outbox at {@code /metrics}: {@code mail_outbox_due}, {@code _pending}, {@code _failed} and
 * {@code _lag_seconds}; sending attempts by result are {@code mail_messages_total{result}} ({@link MailBatch}).
 */
@ApplicationScoped
public class MailMetrics {

    @Inject
    MeterRegistry metrics;

    @Inject
    MailLog mail;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        OutboxGauges.register(metrics, "mail_outbox", "mails", mail::outboxStatus);
    }
}
