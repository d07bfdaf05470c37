package com.subscriptions.webhook.boundary;

import com.subscriptions.paging.boundary.QueryParams;
import com.subscriptions.platform.boundary.Callers;
import com.subscriptions.platform.boundary.RestApplication;
import com.subscriptions.platform.entity.InvalidInput;
import com.subscriptions.platform.entity.Roles;
import com.subscriptions.problem.boundary.Problem;
import com.subscriptions.webhook.control.DeliveryView;
import com.subscriptions.webhook.control.EndpointView;
import com.subscriptions.webhook.control.OutboxStatus;
import com.subscriptions.webhook.control.WebhookEndpoints;
import com.subscriptions.webhook.entity.EventType;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * Webhooks (README, "Webhooks"): endpoints, their secrets, test events and the delivery log; the outbox's state.
 * Admins only.
 */
@ApplicationScoped
@Path("admin")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = RestApplication.BEARER)
@Tag(name = "Admin")
public class WebhooksResource {

    private static final String ID = "{id: [0-9]+}";
    private static final java.util.regex.Pattern MESSAGE_ID = java.util.regex.Pattern.compile("msg_[0-9a-f]{32}");

    @Inject
    WebhookEndpoints webhooks;

    @Inject
    Callers callers;

    @POST
    @Path("webhooks")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createWebhook", summary = "Register a webhook endpoint",
            description = "Events of the listed types (or \"*\" for all) are posted to the URL, signed per Standard "
                    + "Webhooks with the secret answered here once (whsec_…). The URL must be https and resolve to "
                    + "public addresses only (settings may allow http and given addresses). Audited.")
    @APIResponse(responseCode = "201", description = "Registered; the answer is the only time the secret is shown",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "EndpointWithSecret")))
    @APIResponse(responseCode = "400", description = "A missing or invalid field: a refused URL, an unknown event type",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "Missing, invalid, expired or revoked access token",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response create(
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "billing", summary = "Subscription changes to a billing system",
                            value = "{\"url\": \"https://billing.example.com/hooks/subscriptions\", "
                                    + "\"description\": \"Billing\", \"event_types\": [\"subscription.created\", "
                                    + "\"subscription.canceled\"]}")))
            @Valid @NotNull EndpointRequest body) {
        if (body.url == null || body.eventTypes == null) {
            throw InvalidInput.of(body.url == null ? "url" : "event_types", "is required");
        }
        WebhookEndpoints.WithSecret created = webhooks.create(body.url, body.description, body.eventTypes,
                callers.current());
        return Response.created(UriBuilder.fromPath("admin/webhooks/{id}").build(created.endpoint().id()))
                .entity(new EndpointWithSecret(EndpointView.of(created.endpoint()), created.secret())).build();
    }

    @GET
    @Path("webhooks")
    @Operation(operationId = "listWebhooks", summary = "List the webhook endpoints",
            description = "Every endpoint, oldest first, with whether it is enabled and why not (an endpoint whose "
                    + "deliveries have all failed for days disables itself). Never the secrets.")
    @APIResponse(responseCode = "200", description = "The endpoints",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EndpointList.class)))
    @APIResponse(responseCode = "401", description = "Missing, invalid, expired or revoked access token",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public EndpointList all() {
        return new EndpointList(webhooks.all().stream().map(EndpointView::of).toList());
    }

    @GET
    @Path("webhooks/event-types")
    @Operation(operationId = "listWebhookEventTypes", summary = "List the event types",
            description = "The event types an endpoint can subscribe to (README, \"Webhooks\").")
    @APIResponse(responseCode = "200", description = "The types",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = String.class)))
    @APIResponse(responseCode = "401", description = "Missing, invalid, expired or revoked access token",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public List<String> eventTypes() {
        return EventType.subscribable();
    }

    @GET
    @Path("webhooks/" + ID)
    @Operation(operationId = "getWebhook", summary = "Get one webhook endpoint", description = "Never its secret.")
    @APIResponse(responseCode = "200", description = "The endpoint",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EndpointView.class)))
    @APIResponse(responseCode = "401", description = "Missing, invalid, expired or revoked access token",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such endpoint", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public EndpointView one(@PathParam("id") long id) {
        return EndpointView.of(webhooks.one(id));
    }

    @PUT
    @Path("webhooks/" + ID)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateWebhook", summary = "Change a webhook endpoint",
            description = "URL, description, event types, enabled: a member left out stays as it is. Enabling an "
                    + "endpoint that disabled itself forgets its failures. Audited.")
    @APIResponse(responseCode = "200", description = "The endpoint",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EndpointView.class)))
    @APIResponse(responseCode = "400", description = "An invalid field", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "Missing, invalid, expired or revoked access token",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such endpoint", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public EndpointView update(
            @PathParam("id") long id,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "pause", summary = "Stop sending for now",
                            value = "{\"enabled\": false}")))
            @Valid @NotNull EndpointRequest body) {
        return EndpointView.of(webhooks.update(id, body.url, body.description, body.eventTypes, body.enabled,
                callers.current()));
    }

    @POST
    @Path("webhooks/" + ID + "/rotate-secret")
    @Operation(operationId = "rotateWebhookSecret", summary = "Give a webhook endpoint a new secret",
            description = "The new secret (answered once) signs from now on; the old one keeps signing beside it "
                    + "for 24 hours (previous_secret_expires_at), so deliveries verify with either while the "
                    + "receiver switches. Audited.")
    @APIResponse(responseCode = "200", description = "The endpoint with its new secret",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "EndpointWithSecret")))
    @APIResponse(responseCode = "401", description = "Missing, invalid, expired or revoked access token",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such endpoint", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public EndpointWithSecret rotateSecret(@PathParam("id") long id) {
        WebhookEndpoints.WithSecret rotated = webhooks.rotateSecret(id, callers.current());
        return new EndpointWithSecret(EndpointView.of(rotated.endpoint()), rotated.secret());
    }

    @DELETE
    @Path("webhooks/" + ID)
    @Operation(operationId = "deleteWebhook", summary = "Delete a webhook endpoint",
            description = "With its deliveries, those not yet sent included, and their log. Audited.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "401", description = "Missing, invalid, expired or revoked access token",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such endpoint", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public void delete(@PathParam("id") long id) {
        webhooks.delete(id, callers.current());
    }

    @POST
    @Path("webhooks/" + ID + "/test")
    @Operation(operationId = "sendWebhookTest", summary = "Send a test event",
            description = "A webhook.test event to this endpoint only, signed like any other; follow it in the "
                    + "delivery log by its message id. Audited.")
    @APIResponse(responseCode = "202", description = "Queued",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TestEventAnswer.class)))
    @APIResponse(responseCode = "401", description = "Missing, invalid, expired or revoked access token",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such endpoint", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response sendTest(@PathParam("id") long id) {
        return Response.accepted(new TestEventAnswer(webhooks.sendTest(id, callers.current()).messageId())).build();
    }

    @GET
    @Path("webhooks/" + ID + "/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "List an endpoint's deliveries",
            description = "Newest first, at most limit (default 50, at most 200); before: only deliveries with a "
                    + "smaller id (the next page). Each with its status (pending, delivered, failed), attempts and "
                    + "the last attempt's status and error.")
    @APIResponse(responseCode = "200", description = "The deliveries",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DeliveryList.class)))
    @APIResponse(responseCode = "400", description = "An invalid parameter", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "Missing, invalid, expired or revoked access token",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such endpoint", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public DeliveryList deliveries(
            @PathParam("id") long id,
            @Parameter(description = "Only deliveries with a smaller id (the last id of the previous page)")
            @QueryParam("before") String before,
            @Parameter(description = "At most this many, 1 to 200 (default 50)") @QueryParam("limit") String limit) {
        Long beforeId = before == null || before.isBlank() ? null
                : (long) QueryParams.integer("before", before, 0, 1, Integer.MAX_VALUE);
        return new DeliveryList(webhooks.deliveries(id, beforeId, QueryParams.integer("limit", limit, 50, 1, 200)));
    }

    @GET
    @Path("webhooks/deliveries")
    @Operation(operationId = "findWebhookDeliveries", summary = "Find the deliveries of one event",
            description = "By the event's message id (the webhook-id header, msg_…): one delivery per endpoint "
                    + "that wanted it.")
    @APIResponse(responseCode = "200", description = "The deliveries",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DeliveryList.class)))
    @APIResponse(responseCode = "400", description = "No or an invalid message_id",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "Missing, invalid, expired or revoked access token",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public DeliveryList deliveriesOf(
            @Parameter(description = "The event's message id, msg_ and 32 hex digits", required = true)
            @QueryParam("message_id") String messageId) {
        if (messageId == null || !MESSAGE_ID.matcher(messageId).matches()) {
            throw InvalidInput.of("message_id", "must be a message id: msg_ and 32 hexadecimal digits");
        }
        return new DeliveryList(webhooks.deliveriesOf(messageId));
    }

    @GET
    @Path("webhooks/deliveries/" + ID + "/attempts")
    @Operation(operationId = "listWebhookAttempts", summary = "List a delivery's attempts",
            description = "Oldest first: when, the answer's status (null when nothing answered), latency, error and "
                    + "the first 1,000 characters of the answer.")
    @APIResponse(responseCode = "200", description = "The attempts",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AttemptList.class)))
    @APIResponse(responseCode = "401", description = "Missing, invalid, expired or revoked access token",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such delivery", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public AttemptList attempts(@PathParam("id") long id) {
        return new AttemptList(webhooks.attempts(id));
    }

    @POST
    @Path("webhooks/deliveries/" + ID + "/resend")
    @Operation(operationId = "resendWebhookDelivery", summary = "Send a delivery again",
            description = "As soon as the dispatcher runs (within a second), with the same message id and body, "
                    + "whatever its status; its retries start over. Audited.")
    @APIResponse(responseCode = "202", description = "Queued",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DeliveryView.class)))
    @APIResponse(responseCode = "401", description = "Missing, invalid, expired or revoked access token",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such delivery", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response resend(@PathParam("id") long id) {
        return Response.accepted(webhooks.resend(id, callers.current())).build();
    }

    @GET
    @Path("outbox")
    @Operation(operationId = "getOutbox", summary = "Get the outbox's state",
            description = "Deliveries due now, pending in all (due or waiting for a retry), failed for good, and the "
                    + "lag: how long the oldest due delivery has waited, in seconds.")
    @APIResponse(responseCode = "200", description = "The outbox",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = OutboxStatus.class)))
    @APIResponse(responseCode = "401", description = "Missing, invalid, expired or revoked access token",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public OutboxStatus outbox() {
        return webhooks.outboxStatus();
    }
}
