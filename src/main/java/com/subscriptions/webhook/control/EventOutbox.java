package com.subscriptions.webhook.control;

import com.subscriptions.plan.control.PlansChanged;
import com.subscriptions.platform.control.ContractJson;
import com.subscriptions.platform.control.WakeUpThread;
import com.subscriptions.platform.entity.JsonP;
import com.subscriptions.subscription.control.SubscriptionEventRecorded;
import com.subscriptions.subscription.control.SubscriptionView;
import com.subscriptions.subscription.entity.SubscriptionEvent;
import com.subscriptions.subscription.entity.SubscriptionStatus;
import com.subscriptions.subscription.entity.UserSubscription;
import com.subscriptions.webhook.entity.Delivery;
import com.subscriptions.webhook.entity.EventType;
import com.subscriptions.webhook.entity.OutboxEvent;
import com.subscriptions.webhook.entity.WebhookEndpoint;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * Writes the outbox in the transaction of the change it announces: an event (its body frozen) and a delivery per
 * endpoint that wants its type; nothing at all when none does. The body is {@code {"id", "type", "timestamp",
 * "sequence", "data"}}: {@code id} is the message id (the {@code webhook-id} header), {@code sequence} numbers a
 * subscription's events (1, 2, …), {@code data} is the object as the API returns it after the change.
 */
@ApplicationScoped
public class EventOutbox {

    private static final Map<SubscriptionEvent.Type, EventType> SUBSCRIPTION_TYPES = Map.of(
            SubscriptionEvent.Type.SUBSCRIBED, EventType.SUBSCRIPTION_CREATED,
            SubscriptionEvent.Type.PLAN_CHANGED, EventType.SUBSCRIPTION_PLAN_CHANGED,
            SubscriptionEvent.Type.PLAN_CHANGE_SCHEDULED, EventType.SUBSCRIPTION_PLAN_CHANGE_SCHEDULED,
            SubscriptionEvent.Type.CANCELED, EventType.SUBSCRIPTION_CANCELED,
            SubscriptionEvent.Type.CANCEL_SCHEDULED, EventType.SUBSCRIPTION_CANCEL_SCHEDULED,
            SubscriptionEvent.Type.REACTIVATED, EventType.SUBSCRIPTION_REACTIVATED,
            SubscriptionEvent.Type.TRIAL_ENDED, EventType.SUBSCRIPTION_TRIAL_ENDED,
            SubscriptionEvent.Type.RENEWED, EventType.SUBSCRIPTION_RENEWED,
            SubscriptionEvent.Type.EXPIRED, EventType.SUBSCRIPTION_EXPIRED);

    private static final Map<PlansChanged.Change, EventType> PLAN_TYPES = Map.of(
            PlansChanged.Change.CREATED, EventType.PLAN_CREATED,
            PlansChanged.Change.UPDATED, EventType.PLAN_UPDATED,
            PlansChanged.Change.DELETED, EventType.PLAN_DELETED);

    @PersistenceContext
    EntityManager em;

    @Inject
    EndpointDirectory endpoints;

    @Inject
    Clock clock;

    @Inject
    Event<OutboxWritten> written;

    @Inject
    Dispatcher dispatcher;

    @Resource
    ManagedThreadFactory threads;

    private WakeUpThread wakeUp;

    /**
     * The dispatcher reads 50 ms after a commit, so that under load it finds several deliveries due together and
     * sends them as one lane, recorded in one transaction; 50 ms is little beside the time a receiver takes.
     */
    @PostConstruct
    void startWakeUps() {
        wakeUp = new WakeUpThread(threads, "webhook-wake-up", Duration.ofMillis(50), dispatcher::wake);
    }

    @PreDestroy
    void stopWakeUps() {
        wakeUp.close();
    }

    /** A subscription that starts with a trial announces both its creation and its trial. */
    void announceSubscriptionChange(@Observes SubscriptionEventRecorded recorded) {
        UserSubscription subscription = recorded.subscription();
        EventType type = SUBSCRIPTION_TYPES.get(recorded.event().kind());
        announce(type, subscription);
        if (type == EventType.SUBSCRIPTION_CREATED && subscription.status() == SubscriptionStatus.TRIAL) {
            announce(EventType.SUBSCRIPTION_TRIAL_STARTED, subscription);
        }
    }

    private void announce(EventType type, UserSubscription subscription) {
        List<Long> targets = endpoints.wanting(type);
        if (!targets.isEmpty()) {
            write(type, subscription.id(), subscription.nextEventSequence(), SubscriptionView.of(subscription),
                    targets);
        }
    }

    void announcePlanChange(@Observes PlansChanged change) {
        EventType type = PLAN_TYPES.get(change.change());
        List<Long> targets = endpoints.wanting(type);
        if (!targets.isEmpty()) {
            write(type, null, null, change.plan(), targets);
        }
    }

    /** The admin's test event, to this endpoint only; its data names the endpoint. */
    public OutboxEvent test(WebhookEndpoint endpoint) {
        return write(EventType.WEBHOOK_TEST, null, null,
                Map.of("endpoint_id", endpoint.id(), "message", "A test event sent by an admin"),
                List.of(endpoint.id()));
    }

    private OutboxEvent write(EventType type, Long subscriptionId, Integer sequence, Object data,
                              List<Long> endpointIds) {
        Instant now = clock.instant();
        String messageId = OutboxEvent.newMessageId();
        JsonObjectBuilder envelope = JsonP.object().add("id", messageId).add("type", type.value())
                .add("timestamp", now.truncatedTo(ChronoUnit.MILLIS).toString());
        if (sequence != null) {
            envelope.add("sequence", sequence);
        }
        // The object's JSON exactly as the API writes it, added as the last member as it is (not parsed to be
        // written again: that was a third of what an event cost its write).
        String head = envelope.build().toString();
        String body = head.substring(0, head.length() - 1) + ",\"data\":" + ContractJson.toJson(data) + "}";
        OutboxEvent event = new OutboxEvent(messageId, type, subscriptionId, sequence, body, now);
        em.persist(event);
        for (long endpointId : endpointIds) {
            em.persist(new Delivery(event.id(), endpointId, now));
        }
        written.fire(new OutboxWritten());
        return event;
    }

    /**
     * On the wake-up thread: this one is still completing the writer's transaction (calling into the container from
     * there, even asynchronously, broke the dispatcher's own transactions on Payara).
     */
    void wakeDispatcherAfterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten outboxWritten) {
        wakeUp.request();
    }
}
