package com.subscriptions.mail.control;

import com.subscriptions.mail.entity.MailKind;
import com.subscriptions.subscription.control.LifecycleRan;
import com.subscriptions.subscription.entity.UserSubscription;
import com.subscriptions.user.entity.User;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * After each lifecycle run: a reminder to every subscriber whose trial ends within {@link #AHEAD}, once per
 * subscription. Concurrent runs (two instances) never write one twice: a run locks the subscriptions it reminds
 * ({@code FOR UPDATE SKIP LOCKED}), so another run skips them until the reminders have committed and then sees them;
 * the mail's unique dedupe key stays the last guard. MariaDB reads the trials through the status index (at a million
 * subscriptions with no trial: one index probe). Users who turned notifications off are not candidates at all, so
 * that they cannot crowd a batch.
 */
@Stateless
public class TrialReminders {

    static final Duration AHEAD = Duration.ofDays(3);
    static final int BATCH = 500;

    @PersistenceContext
    EntityManager em;

    @Inject
    MailOutbox outbox;

    @Inject
    MailSettings settings;

    @Inject
    Clock clock;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void afterLifecycleRun(@Observes LifecycleRan ran) {
        if (settings.enabled()) {
            remindTrialsEndingSoon();
        }
    }

    /** @return how many reminders were written */
    public int remindTrialsEndingSoon() {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        var due = (java.util.List<Number>) em.createNativeQuery("SELECT s.id FROM user_subscriptions s "
                        + "JOIN users u ON u.id = s.user_id AND u.email_notifications = TRUE WHERE s.status = 'trial' AND s.current_period_end > ? AND s.current_period_end <= ? "
                        + "AND NOT EXISTS (SELECT 1 FROM outbox_mail m WHERE m.dedupe_key = CONCAT('trial_ending:', s.id)) "
                        + "ORDER BY s.current_period_end LIMIT ? FOR UPDATE SKIP LOCKED")
                .setParameter(1, now).setParameter(2, now.plus(AHEAD)).setParameter(3, BATCH).getResultList();
        int written = 0;
        for (Number id : due) {
            UserSubscription subscription = em.find(UserSubscription.class, id.longValue());
            User user = em.find(User.class, subscription.userId());
            if (outbox.queue(user, MailKind.TRIAL_ENDING, Map.of(
                    "plan_name", subscription.plan().name(),
                    "date", SubscriptionNotifications.date(subscription.trialEndDate()),
                    "what_next", whatNext(subscription)), "trial_ending:" + subscription.id())) {
                written++;
            }
        }
        return written;
    }

    private static String whatNext(UserSubscription subscription) {
        return subscription.autoRenew() && !subscription.cancelAtPeriodEnd()
                ? "Your subscription then continues on the paid plan unless you cancel it before."
                : "Your subscription then ends unless you renew it.";
    }
}
