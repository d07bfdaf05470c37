package com.subscriptions.mail.control;

import com.subscriptions.mail.entity.OutboxMail;
import com.subscriptions.platform.control.CoalescedRuns;
import com.subscriptions.platform.control.DatabaseOutages;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends what the mail outbox holds, on every instance: woken after each commit that wrote a mail, and every second in
 * any case (another instance's mails, retries that fell due). One run at a time per instance, a batch per SMTP
 * connection; an SMTP server that is down costs one connection timeout per batch, and the batch waits for its retry.
 */
@Singleton
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

    private final CoalescedRuns runs = new CoalescedRuns(LOG, "Could not send mail from the outbox; trying every second");

    /** Never failing (a timer whose call fails is dropped by the container); quiet just after an outage. */
    @Schedule(second = "*", minute = "*", hour = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void everySecond() {
        if (settings.enabled() && !outages.recentlyUnavailable()) {
            dispatch();
        }
    }

    @Schedule(minute = "29", hour = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void purgeHourly() {
        try {
            batch.purge();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not purge sent mail; next try in an hour: " + e);
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
