package com.subscriptions.subscription.boundary;

import com.subscriptions.idempotency.boundary.Idempotent;
import com.subscriptions.paging.boundary.QueryParams;
import com.subscriptions.paging.boundary.SparseFields;
import com.subscriptions.plan.boundary.PlanList;
import com.subscriptions.plan.boundary.PlanListing;
import com.subscriptions.platform.boundary.Callers;
import com.subscriptions.platform.boundary.RestApplication;
import com.subscriptions.platform.boundary.RetriedOnDeadlock;
import com.subscriptions.platform.entity.NotFound;
import com.subscriptions.platform.entity.Roles;
import com.subscriptions.problem.boundary.Problem;
import com.subscriptions.subscription.control.EventView;
import com.subscriptions.subscription.control.HistoryFilter;
import com.subscriptions.subscription.control.SubscriptionDefinitions;
import com.subscriptions.subscription.control.SubscriptionReads;
import com.subscriptions.subscription.control.SubscriptionService;
import com.subscriptions.subscription.control.SubscriptionStats;
import com.subscriptions.subscription.control.SubscriptionView;
import com.subscriptions.subscription.entity.SubscriptionStatus;
import com.subscriptions.versioning.control.ApiVersion;
import com.subscriptions.versioning.control.ReadStrategies;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The caller's subscription, in every API version: writes go through the one {@link SubscriptionService}, reads
 * through the version's {@link SubscriptionReads}. The user is always the token's subject.
 */
@ApplicationScoped
@Path(ApiVersion.PATH + "/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.USER)
@SecurityRequirement(name = RestApplication.BEARER)
@Tag(name = "Subscriptions")
public class SubscriptionsResource {

    @Inject
    SubscriptionService subscriptions;

    @Inject
    ReadStrategies strategies;

    @Inject
    PlanListing plans;

    @Inject
    Callers callers;

    @RetriedOnDeadlock
    @POST
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = Idempotent.OPENAPI_MARK, value = "true")
    @Operation(operationId = "subscribe", summary = "Subscribe to a plan",
            description = "The caller subscribes; a user has at most one live (trial or active) subscription. With "
                    + "trial days (given, or the plan's), it starts as a trial. Send an Idempotency-Key header to "
                    + "retry safely: a repeat with the same key and body answers the first response again.")
    @APIResponse(responseCode = "201", description = "Subscribed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field or Idempotency-Key, or the plan is not active",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "Missing, invalid, expired or revoked access token",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "The token does not carry the user role",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such plan", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "User already has an active subscription, or a request with "
            + "this Idempotency-Key is still being processed", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "This Idempotency-Key was used with a different request",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response subscribe(
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "basicPlan", summary = "One seat of plan 2, renewing",
                            value = "{\"plan_id\": 2, \"quantity\": 1, \"auto_renew\": true}")))
            @Valid @NotNull SubscribeRequest body) {
        SubscriptionView created = SubscriptionView.of(subscriptions.subscribe(userId(), body.planId,
                body.quantity == null ? 1 : body.quantity, body.autoRenew == null || body.autoRenew, body.trialDays,
                callers.current()));
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @RetriedOnDeadlock
    @POST
    @Idempotent
    @Path("subscribe")
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = Idempotent.OPENAPI_MARK, value = "true")
    @Operation(operationId = "subscribeLegacy", summary = "Subscribe (the original service's route)",
            description = "The original Flask API's route for subscribe, kept for its clients: the same body, "
                    + "answers and Idempotency-Key handling. New clients use subscribe.")
    @APIResponse(responseCode = "201", description = "Subscribed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field or Idempotency-Key, or the plan is not active",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "Missing, invalid, expired or revoked access token",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "The token does not carry the user role",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such plan", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "User already has an active subscription, or a request with "
            + "this Idempotency-Key is still being processed", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "This Idempotency-Key was used with a different request",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response subscribeAlias(
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "planOnly", summary = "Plan 1, with the defaults",
                            value = "{\"plan_id\": 1}")))
            @Valid @NotNull SubscribeRequest body) {
        return subscribe(body);
    }

    @RetriedOnDeadlock
    @POST
    @Idempotent
    @Path("upgrade")
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = Idempotent.OPENAPI_MARK, value = "true")
    @Operation(operationId = "changePlan", summary = "Change plan (upgrade or downgrade)",
            description = "Now (default), with a proration of the unused period unless prorate is false; or at the "
                    + "period end (at_period_end), when the plan waits as pending_plan_id. Honours an "
                    + "Idempotency-Key header like subscribe.")
    @APIResponse(responseCode = "200",
            description = "The subscription, with proration for an immediate prorated change",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "PlanChange")))
    @APIResponse(responseCode = "400", description = "Same plan, inactive plan, or an invalid field or Idempotency-Key",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "Missing, invalid, expired or revoked access token",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "The token does not carry the user role",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No active subscription, or no such plan",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "A request with this Idempotency-Key is still being processed",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "This Idempotency-Key was used with a different request",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public PlanChangeAnswer changePlan(
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "upgradeNow", summary = "To plan 3 now, prorated",
                            value = "{\"plan_id\": 3, \"prorate\": true, \"at_period_end\": false}")))
            @Valid @NotNull ChangePlanRequest body) {
        return PlanChangeAnswer.of(subscriptions.changePlan(userId(), body.planId,
                body.prorate == null || body.prorate, body.atPeriodEnd != null && body.atPeriodEnd, callers.current()));
    }

    @RetriedOnDeadlock
    @POST
    @Idempotent
    @Path("cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = Idempotent.OPENAPI_MARK, value = "true")
    @Operation(operationId = "cancelSubscription", summary = "Cancel",
            description = "Cancels the caller's live subscription. At period end (default) it stays active until "
                    + "then and can be reactivated; with at_period_end false it ends now. The body may be left out. "
                    + "Honours an Idempotency-Key header like subscribe.")
    @APIResponse(responseCode = "200", description = "The subscription",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "400", description = "Malformed body, or an invalid Idempotency-Key",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "Missing, invalid, expired or revoked access token",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "The token does not carry the user role",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No active subscription found",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "A request with this Idempotency-Key is still being processed",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "This Idempotency-Key was used with a different request",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public SubscriptionView cancel(
            @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "atPeriodEnd", summary = "Stay active until the period ends",
                            value = "{\"at_period_end\": true}")))
            CancelRequest body) {
        boolean atPeriodEnd = body == null || body.atPeriodEnd == null || body.atPeriodEnd;
        return SubscriptionView.of(subscriptions.cancel(userId(), atPeriodEnd, callers.current()));
    }

    @RetriedOnDeadlock
    @POST
    @Path("reactivate")
    @Operation(operationId = "reactivateSubscription", summary = "Undo a cancellation scheduled for the period end",
            description = "While the period lasts, the caller's subscription continues as if never canceled "
                    + "(auto-renewing again). No body.")
    @APIResponse(responseCode = "200", description = "The subscription",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "401", description = "Missing, invalid, expired or revoked access token",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "The token does not carry the user role",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No cancellation is scheduled",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public SubscriptionView reactivate() {
        return SubscriptionView.of(subscriptions.reactivate(userId(), callers.current()));
    }

    @GET
    @Path("active")
    @Operation(operationId = "getActiveSubscription", summary = "The live subscription with its plan",
            description = "The caller's live subscription (trial or active, inside its period) with its plan. "
                    + "Sparse fields.")
    @APIResponse(responseCode = "200", description = "The live subscription",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "400", description = "An unknown field in fields",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "Missing, invalid, expired or revoked access token",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "The token does not carry the user role",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No active subscription found",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Object active(@PathParam("version") ApiVersion version,
                         @Parameter(description = QueryParams.FIELDS) @QueryParam("fields") String fields) {
        SparseFields selected = SparseFields.parse(fields, SubscriptionView.class);
        return selected.of(reads(version).active(userId())
                .orElseThrow(() -> new NotFound("No active subscription found")));
    }

    @GET
    @Path("history")
    @Operation(operationId = "getHistory", summary = "The caller's subscriptions, newest first",
            description = "Each with its plan. status: comma-separated statuses; from_date / to_date: inclusive, on "
                    + "created_at. Offset (page, per_page) or keyset (cursor) paging; sparse fields.")
    @APIResponse(responseCode = "200", description = "A page of subscriptions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "SubscriptionList")))
    @APIResponse(responseCode = "400", description = "A parameter is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "Missing, invalid, expired or revoked access token",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "The token does not carry the user role",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Object history(@PathParam("version") ApiVersion version, @QueryParam("page") String page,
                          @QueryParam("per_page") String perPage, @QueryParam("status") String status,
                          @QueryParam("from_date") String from, @QueryParam("to_date") String to,
                          @Parameter(description = QueryParams.CURSOR) @QueryParam("cursor") String cursor,
                          @Parameter(description = QueryParams.FIELDS) @QueryParam("fields") String fields) {
        HistoryFilter filter = new HistoryFilter(QueryParams.codes("status", status, SubscriptionStatus.class),
                QueryParams.instant("from_date", from, false), QueryParams.instant("to_date", to, true));
        SparseFields selected = SparseFields.parse(fields, SubscriptionView.class);
        return selected.in(SubscriptionList.of(reads(version).history(userId(), filter,
                QueryParams.page(page, perPage, cursor))), "subscriptions");
    }

    @GET
    @Path("user")
    @Operation(operationId = "getHistoryLegacy", summary = "The caller's subscriptions (the original service's route)",
            description = "The original Flask API's route for getHistory, kept for its clients: the same "
                    + "parameters and answers. New clients use getHistory.")
    @APIResponse(responseCode = "200", description = "A page of subscriptions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "SubscriptionList")))
    @APIResponse(responseCode = "400", description = "A parameter is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "Missing, invalid, expired or revoked access token",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "The token does not carry the user role",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Object historyAlias(@PathParam("version") ApiVersion version, @QueryParam("page") String page,
                               @QueryParam("per_page") String perPage, @QueryParam("status") String status,
                               @QueryParam("from_date") String from, @QueryParam("to_date") String to,
                               @Parameter(description = QueryParams.CURSOR) @QueryParam("cursor") String cursor,
                               @Parameter(description = QueryParams.FIELDS) @QueryParam("fields") String fields) {
        return history(version, page, perPage, status, from, to, cursor, fields);
    }

    @GET
    @Path("events")
    @Operation(operationId = "listEvents", summary = "The events of the caller's subscriptions, newest first",
            description = "Subscribe, plan change (with its proration), cancel, reactivate, renewal, trial end, "
                    + "expiry. Offset (page, per_page) or keyset (cursor) paging; sparse fields.")
    @APIResponse(responseCode = "200", description = "A page of events",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "EventList")))
    @APIResponse(responseCode = "400", description = "A parameter is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "Missing, invalid, expired or revoked access token",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "The token does not carry the user role",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Object events(@PathParam("version") ApiVersion version, @QueryParam("page") String page,
                         @QueryParam("per_page") String perPage,
                         @Parameter(description = QueryParams.CURSOR) @QueryParam("cursor") String cursor,
                         @Parameter(description = QueryParams.FIELDS) @QueryParam("fields") String fields) {
        SparseFields selected = SparseFields.parse(fields, EventView.class);
        return selected.in(EventList.of(reads(version).events(userId(), QueryParams.page(page, perPage, cursor))),
                "events");
    }

    @GET
    @Path("plans")
    @PermitAll
    @Operation(operationId = "listSubscriptionPlans", summary = "The plan list (the original service's route)",
            description = "The original Flask API's route for listPlans, kept for its clients: the same parameters, "
                    + "answers and ETag. Public. New clients use listPlans.")
    @APIResponse(responseCode = "200", description = "A page of plans",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "PlanList")))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    @APIResponse(responseCode = "400", description = "A parameter is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "An Authorization header that is not a valid access token "
            + "(send none here)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response plans(@PathParam("version") ApiVersion version, @QueryParam("page") String page,
                          @QueryParam("per_page") String perPage, @QueryParam("status") String status,
                          @QueryParam("public_only") String publicOnly,
                          @Parameter(description = QueryParams.CURSOR) @QueryParam("cursor") String cursor,
                          @Parameter(description = QueryParams.FIELDS) @QueryParam("fields") String fields,
                          @Context Request request) {
        return plans.list(version, page, perPage, status, publicOnly, cursor, fields, request);
    }

    @RetriedOnDeadlock
    @POST
    @Path("indefinite")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "grantIndefinite", summary = "Give a user a live subscription with no period end (admin)",
            description = "For the given user, who must have no live subscription: active, with no period end, so "
                    + "the lifecycle job never ends it. Any active plan, hidden ones included. Admins only.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "400", description = "A field is missing or invalid, or the plan is not active",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "Missing, invalid, expired or revoked access token",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such user or plan",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "The user already has a live subscription",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response grantIndefinite(
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "proForUser", summary = "Plan 3 for user 42, one seat",
                            value = "{\"user_id\": 42, \"plan_id\": 3, \"quantity\": 1}")))
            @Valid @NotNull IndefiniteRequest body) {
        SubscriptionView created = SubscriptionView.of(subscriptions.grantIndefinite(body.userId, body.planId,
                body.quantity == null ? 1 : body.quantity, callers.current()));
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @GET
    @Path("expiring")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "listExpiring", summary = "Live subscriptions ending within days without renewal (admin)",
            description = "Soonest first, each with user {id, username, email} and plan. days: 1..365, default 7. "
                    + "Offset (page, per_page) or keyset (cursor) paging; sparse fields. Admins only.")
    @APIResponse(responseCode = "200", description = "A page of subscriptions, each with its user",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ExpiringPage")))
    @APIResponse(responseCode = "400", description = "A parameter is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "Missing, invalid, expired or revoked access token",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Object expiring(@PathParam("version") ApiVersion version, @QueryParam("days") String days,
                           @QueryParam("page") String page, @QueryParam("per_page") String perPage,
                           @Parameter(description = QueryParams.CURSOR) @QueryParam("cursor") String cursor,
                           @Parameter(description = QueryParams.FIELDS) @QueryParam("fields") String fields) {
        SparseFields selected = SparseFields.parse(fields, SubscriptionView.class, "user");
        return selected.in(ExpiringList.of(reads(version).expiring(
                QueryParams.integer("days", days, SubscriptionDefinitions.EXPIRING_SOON_DAYS, 1, 365),
                QueryParams.page(page, perPage, cursor))), "subscriptions");
    }

    @GET
    @Path("stats")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "getStats", summary = "Dashboard figures (admin), in one round trip",
            description = "Live subscriptions by status (active, trial), those ending within 7 days without "
                    + "renewal, those created within 7 days and those canceled within 14 days. Admins only.")
    @APIResponse(responseCode = "200", description = "The figures",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SubscriptionStats.class)))
    @APIResponse(responseCode = "401", description = "Missing, invalid, expired or revoked access token",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public SubscriptionStats stats(@PathParam("version") ApiVersion version) {
        return reads(version).stats();
    }

    private long userId() {
        return callers.current().userId();
    }

    private SubscriptionReads reads(ApiVersion version) {
        return strategies.of(SubscriptionReads.class, version);
    }
}
