package com.subscriptions.mail.control;

import com.subscriptions.mail.entity.OutboxMail;
import com.subscriptions.platform.control.CoalescedRuns;
import com.subscriptions.platform.control.DatabaseOutages;
import com.subscriptions.platform.control.Recurring;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;

/**
 * Sends what the mail outbox holds, on every instance: woken after each commit that wrote a mail, and every second in
 * any case (another instance's mails, retries that fell due). One run at a time per instance, a batch per SMTP
 * connection; an SMTP server that is down costs one connection timeout per batch, and the batch waits for its retry.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class MailDispatcher {

    static final int BATCH = 20;
    private static final Logger LOG = Logger.getLogger(MailDispatcher.class.getName());

    @Inject
    MailBatch batch;

    @Inject
    MailSender sender;

    @Inject
    MailSettings settings;

    @Inject
    DatabaseOutages outages;

    @Inject
    Recurring recurring;

    @Resource
    SessionContext context;

    private final CoalescedRuns runs = new CoalescedRuns(LOG, "Could not send mail from the outbox; trying every second");

    @PostConstruct
    void schedule() {
        MailDispatcher throughTheContainer = context.getBusinessObject(MailDispatcher.class);
        recurring.every(Duration.ofSeconds(1), "Sending mail", throughTheContainer::tick);
        recurring.hourlyAt(29, "Purging sent mail", batch::purge);
    }

    /** Every second, for the schedule only; quiet just after an outage. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void tick() {
        if (settings.enabled() && !outages.recentlyUnavailable()) {
            dispatch();
        }
    }

    /** On the outbox's wake-up thread, after a commit that wrote a mail. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void wake() {
        dispatch();
    }

    private void dispatch() {
        runs.request(() -> {
            List<OutboxMail> claimed = batch.claim(BATCH);
            if (!claimed.isEmpty()) {
                batch.record(sender.send(claimed));
            }
            return claimed.size() == BATCH;
        });
    }
}
