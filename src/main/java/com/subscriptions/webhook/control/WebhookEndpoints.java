package com.subscriptions.webhook.control;

import com.subscriptions.audit.control.AuditTrail;
import com.subscriptions.platform.control.Caller;
import com.subscriptions.platform.entity.InvalidInput;
import com.subscriptions.platform.entity.NotFound;
import com.subscriptions.webhook.entity.Delivery;
import com.subscriptions.webhook.entity.DeliveryAttempt;
import com.subscriptions.webhook.entity.EventType;
import com.subscriptions.webhook.entity.OutboxEvent;
import com.subscriptions.webhook.entity.WebhookEndpoint;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The admin's use cases of webhooks: endpoints, their secrets, test events, the delivery log. Each change is audited. */
@Stateless
public class WebhookEndpoints {

    /** An endpoint just created or given a new secret: the secret is shown this once. */
    public record WithSecret(WebhookEndpoint endpoint, String secret) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    WebhookSettings settings;

    @Inject
    WebhookClient client;

    @Inject
    SecretSeal seal;

    @Inject
    EventOutbox outbox;

    @Inject
    AuditTrail audit;

    @Inject
    Event<EndpointsChanged> changes;

    public WithSecret create(String url, String description, List<String> eventTypes, Caller caller) {
        String secret = WebhookSigner.newSecret();
        WebhookEndpoint endpoint = new WebhookEndpoint(checked(url), description, known(eventTypes),
                seal.seal(secret), clock.instant());
        em.persist(endpoint);
        audit.record("webhook_created", "webhook:" + endpoint.id() + " " + url, caller);
        changes.fire(new EndpointsChanged());
        return new WithSecret(endpoint, secret);
    }

    public List<WebhookEndpoint> all() {
        return em.createQuery("select e from WebhookEndpoint e order by e.id", WebhookEndpoint.class).getResultList();
    }

    public WebhookEndpoint one(long id) {
        WebhookEndpoint endpoint = em.find(WebhookEndpoint.class, id);
        if (endpoint == null) {
            throw new NotFound("Webhook endpoint " + id + " not found");
        }
        return endpoint;
    }

    /** Null leaves a setting as it is. */
    public WebhookEndpoint update(long id, String url, String description, List<String> eventTypes, Boolean enabled,
                                  Caller caller) {
        WebhookEndpoint endpoint = locked(id);
        endpoint.update(url == null ? null : checked(url), description,
                eventTypes == null ? null : known(eventTypes), enabled, clock.instant());
        audit.record("webhook_updated", "webhook:" + id, caller);
        changes.fire(new EndpointsChanged());
        return endpoint;
    }

    /** A new secret signs from now on; the old one signs beside it for the overlap (24 h by default). */
    public WithSecret rotateSecret(long id, Caller caller) {
        WebhookEndpoint endpoint = locked(id);
        String secret = WebhookSigner.newSecret();
        endpoint.rotate(seal.seal(secret), settings.secretOverlap(), clock.instant());
        audit.record("webhook_secret_rotated", "webhook:" + id, caller);
        return new WithSecret(endpoint, secret);
    }

    /** With its deliveries (not yet sent ones included) and their attempts. */
    public void delete(long id, Caller caller) {
        em.remove(locked(id));
        audit.record("webhook_deleted", "webhook:" + id, caller);
        changes.fire(new EndpointsChanged());
    }

    /** A {@code webhook.test} event to this endpoint alone, whatever types it wants; even if disabled. */
    public OutboxEvent sendTest(long id, Caller caller) {
        OutboxEvent event = outbox.test(one(id));
        audit.record("webhook_test_sent", "webhook:" + id + " " + event.messageId(), caller);
        return event;
    }

    /** The endpoint's deliveries, newest first, at most {@code limit}, those before {@code beforeId} when given. */
    public List<DeliveryView> deliveries(long endpointId, Long beforeId, int limit) {
        one(endpointId);
        return views(em.createQuery("select d, e from Delivery d, OutboxEvent e where d.eventId = e.id "
                        + "and d.endpointId = :endpoint and d.id < :before order by d.id desc", Object[].class)
                .setParameter("endpoint", endpointId)
                .setParameter("before", beforeId == null ? Long.MAX_VALUE : beforeId)
                .setMaxResults(limit).getResultList());
    }

    /** The deliveries of one event (one per endpoint that wanted it). */
    public List<DeliveryView> deliveriesOf(String messageId) {
        return views(em.createQuery("select d, e from Delivery d, OutboxEvent e where d.eventId = e.id "
                        + "and e.messageId = :message order by d.id", Object[].class)
                .setParameter("message", messageId).getResultList());
    }

    private static List<DeliveryView> views(List<Object[]> rows) {
        return rows.stream().map(row -> DeliveryView.of((Delivery) row[0], (OutboxEvent) row[1])).toList();
    }

    public List<AttemptView> attempts(long deliveryId) {
        delivery(deliveryId);
        return em.createQuery("select a from DeliveryAttempt a where a.deliveryId = :delivery order by a.id",
                DeliveryAttempt.class).setParameter("delivery", deliveryId).getResultList().stream()
                .map(AttemptView::of).toList();
    }

    /** Sends the delivery again as soon as the dispatcher runs, with the same message id. */
    public DeliveryView resend(long deliveryId, Caller caller) {
        Delivery delivery = delivery(deliveryId);
        em.lock(delivery, LockModeType.PESSIMISTIC_WRITE);
        delivery.resend(clock.instant());
        audit.record("webhook_resent", "delivery:" + deliveryId, caller);
        return DeliveryView.of(delivery, em.find(OutboxEvent.class, delivery.eventId()));
    }

    private Delivery delivery(long id) {
        Delivery delivery = em.find(Delivery.class, id);
        if (delivery == null) {
            throw new NotFound("Delivery " + id + " not found");
        }
        return delivery;
    }

    private WebhookEndpoint locked(long id) {
        WebhookEndpoint endpoint = one(id);
        em.lock(endpoint, LockModeType.PESSIMISTIC_WRITE);
        return endpoint;
    }

    private String checked(String url) {
        client.guard().refusal(url).ifPresent(refusal -> {
            throw InvalidInput.of("url", refusal);
        });
        return url;
    }

    private static Set<String> known(List<String> eventTypes) {
        Set<String> types = new LinkedHashSet<>(eventTypes);
        if (types.isEmpty()) {
            throw InvalidInput.of("event_types", "must name at least one event type, or \"*\" for every type");
        }
        for (String type : types) {
            if (!type.equals(EventType.ALL) && !EventType.subscribable().contains(type)) {
                throw InvalidInput.of("event_types", "has an unknown event type \"" + type + "\"; the types are "
                        + String.join(", ", EventType.subscribable()) + ", or \"*\"");
            }
        }
        return types;
    }

    /** The outbox now: deliveries due and waiting for a retry, failed ones, and the age of the oldest due one. */
    public OutboxStatus outboxStatus() {
        Instant now = clock.instant();
        return OutboxStatus.of(em, "outbox_deliveries", now);
    }
}
