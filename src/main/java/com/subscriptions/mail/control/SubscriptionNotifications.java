package com.subscriptions.mail.control;

import com.subscriptions.mail.entity.MailKind;
import com.subscriptions.plan.entity.SubscriptionPlan;
import com.subscriptions.subscription.control.SubscriptionEventRecorded;
import com.subscriptions.subscription.entity.SubscriptionEvent;
import com.subscriptions.subscription.entity.UserSubscription;
import com.subscriptions.user.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The notification mails of a subscription's changes, written in the change's transaction (so each is written once,
 * with the change): renewed, cancellation scheduled, ended (canceled now or expired), plan changed. The trial
 * reminder is a job's ({@link TrialReminders}).
 */
@ApplicationScoped
public class SubscriptionNotifications {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private static final Map<SubscriptionEvent.Type, MailKind> KINDS = Map.of(
            SubscriptionEvent.Type.RENEWED, MailKind.RENEWED,
            SubscriptionEvent.Type.CANCEL_SCHEDULED, MailKind.CANCEL_SCHEDULED,
            SubscriptionEvent.Type.CANCELED, MailKind.SUBSCRIPTION_ENDED,
            SubscriptionEvent.Type.EXPIRED, MailKind.SUBSCRIPTION_ENDED,
            SubscriptionEvent.Type.PLAN_CHANGED, MailKind.PLAN_CHANGED);

    @PersistenceContext
    EntityManager em;

    @Inject
    MailOutbox outbox;

    void notifySubscriber(@Observes SubscriptionEventRecorded recorded) {
        MailKind kind = KINDS.get(recorded.event().kind());
        if (kind == null) {
            return;
        }
        UserSubscription subscription = recorded.subscription();
        User user = em.find(User.class, subscription.userId());
        Map<String, String> values = new HashMap<>();
        values.put("plan_name", subscription.plan().name());
        values.put("date", date(kind == MailKind.SUBSCRIPTION_ENDED ? endOf(subscription) : subscription.currentPeriodEnd()));
        if (kind == MailKind.PLAN_CHANGED) {
            Long from = recorded.event().fromPlanId();
            SubscriptionPlan previous = from == null ? null : em.find(SubscriptionPlan.class, from);
            values.put("previous_plan_name", previous == null ? "your previous plan" : previous.name());
        }
        outbox.queue(user, kind, values, null);
    }

    private static Instant endOf(UserSubscription subscription) {
        return subscription.endDate() != null ? subscription.endDate() : subscription.updatedAt();
    }

    static String date(Instant instant) {
        return instant == null ? "the end of the current period" : DATE.format(instant);
    }
}
