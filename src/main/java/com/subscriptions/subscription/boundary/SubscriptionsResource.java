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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
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
    @Operation(summary = "Subscribe to a plan", description = "With trial days (given, or the plan's), it starts as a trial.")
    @APIResponse(responseCode = "201", description = "Subscribed",
            content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field, or the plan is not active",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such plan", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "User already has an active subscription",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response subscribe(@Valid @NotNull SubscribeRequest body) {
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
    @Operation(summary = "Subscribe (the original service's route)")
    @APIResponse(responseCode = "201", description = "Subscribed")
    public Response subscribeAlias(@Valid @NotNull SubscribeRequest body) {
        return subscribe(body);
    }

    @RetriedOnDeadlock
    @POST
    @Idempotent
    @Path("upgrade")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change plan (upgrade or downgrade)",
            description = "Now (default), with a proration of the unused period unless prorate is false; or at the "
                    + "period end (at_period_end), when the plan waits as pending_plan_id.")
    @APIResponse(responseCode = "200", description = "The subscription, with proration for an immediate prorated change",
            content = @Content(schema = @Schema(ref = "PlanChange")))
    @APIResponse(responseCode = "400", description = "Same plan, inactive plan, or an invalid field",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No active subscription, or no such plan",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public PlanChangeAnswer changePlan(@Valid @NotNull ChangePlanRequest body) {
        return PlanChangeAnswer.of(subscriptions.changePlan(userId(), body.planId,
                body.prorate == null || body.prorate, body.atPeriodEnd != null && body.atPeriodEnd, callers.current()));
    }

    @RetriedOnDeadlock
    @POST
    @Idempotent
    @Path("cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cancel", description = "At period end (default) it stays active until then; or now.")
    @APIResponse(responseCode = "200", description = "The subscription",
            content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "404", description = "No active subscription found",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public SubscriptionView cancel(CancelRequest body) {
        boolean atPeriodEnd = body == null || body.atPeriodEnd == null || body.atPeriodEnd;
        return SubscriptionView.of(subscriptions.cancel(userId(), atPeriodEnd, callers.current()));
    }

    @RetriedOnDeadlock
    @POST
    @Path("reactivate")
    @Operation(summary = "Undo a cancellation scheduled for the period end")
    @APIResponse(responseCode = "200", description = "The subscription",
            content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "404", description = "No cancellation is scheduled",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public SubscriptionView reactivate() {
        return SubscriptionView.of(subscriptions.reactivate(userId(), callers.current()));
    }

    @GET
    @Path("active")
    @Operation(summary = "The live subscription with its plan")
    @APIResponse(responseCode = "200", description = "The live subscription",
            content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
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
    @Operation(summary = "The caller's subscriptions, newest first",
            description = "status: comma-separated statuses; from_date / to_date: inclusive, on created_at.")
    @APIResponse(responseCode = "200", description = "A page of subscriptions",
            content = @Content(schema = @Schema(implementation = SubscriptionList.class)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid", content = @Content(mediaType = Problem.MEDIA_TYPE))
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
    @Operation(summary = "The caller's subscriptions (the original service's route)")
    @APIResponse(responseCode = "200", description = "A page of subscriptions")
    public Object historyAlias(@PathParam("version") ApiVersion version, @QueryParam("page") String page,
                               @QueryParam("per_page") String perPage, @QueryParam("status") String status,
                               @QueryParam("from_date") String from, @QueryParam("to_date") String to,
                               @QueryParam("cursor") String cursor, @QueryParam("fields") String fields) {
        return history(version, page, perPage, status, from, to, cursor, fields);
    }

    @GET
    @Path("events")
    @Operation(summary = "The events of the caller's subscriptions, newest first")
    @APIResponse(responseCode = "200", description = "A page of events",
            content = @Content(schema = @Schema(implementation = EventList.class)))
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
    @Operation(summary = "The plan list (the original service's route)")
    @APIResponse(responseCode = "200", description = "A page of plans",
            content = @Content(schema = @Schema(implementation = PlanList.class)))
    public Response plans(@PathParam("version") ApiVersion version, @QueryParam("page") String page,
                          @QueryParam("per_page") String perPage, @QueryParam("status") String status,
                          @QueryParam("public_only") String publicOnly, @QueryParam("cursor") String cursor,
                          @QueryParam("fields") String fields, @Context Request request) {
        return plans.list(version, page, perPage, status, publicOnly, cursor, fields, request);
    }

    @RetriedOnDeadlock
    @POST
    @Path("indefinite")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Give a user a live subscription with no period end (admin)")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "404", description = "No such user or plan", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "The user already has a live subscription",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response grantIndefinite(@Valid @NotNull IndefiniteRequest body) {
        SubscriptionView created = SubscriptionView.of(subscriptions.grantIndefinite(body.userId, body.planId,
                body.quantity == null ? 1 : body.quantity, callers.current()));
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @GET
    @Path("expiring")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Live subscriptions ending within days without renewal (admin)",
            description = "Soonest first, each with user {id, username, email} and plan. days: 1..365, default 7.")
    @APIResponse(responseCode = "200", description = "A page of subscriptions, each with its user",
            content = @Content(schema = @Schema(ref = "ExpiringPage")))
    @APIResponse(responseCode = "400", description = "A parameter is invalid", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Object expiring(@PathParam("version") ApiVersion version, @QueryParam("days") String days,
                           @QueryParam("page") String page, @QueryParam("per_page") String perPage,
                           @Parameter(description = QueryParams.CURSOR) @QueryParam("cursor") String cursor,
                           @Parameter(description = QueryParams.FIELDS) @QueryParam("fields") String fields) {
        SparseFields selected = SparseFields.parse(fields, SubscriptionView.class, "user");
        return selected.in(ExpiringList.of(reads(version).expiring(
                QueryParams.integer("days", days, SubscriptionDefinitions.EXPIRING_SOON_DAYS, 1, 365), QueryParams.page(page, perPage, cursor))),
                "subscriptions");
    }

    @GET
    @Path("stats")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Dashboard figures (admin), in one round trip")
    @APIResponse(responseCode = "200", description = "The figures",
            content = @Content(schema = @Schema(implementation = SubscriptionStats.class)))
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
