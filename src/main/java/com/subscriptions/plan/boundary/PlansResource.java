package com.subscriptions.plan.boundary;

import com.subscriptions.paging.boundary.QueryParams;
import com.subscriptions.paging.boundary.SparseFields;
import com.subscriptions.plan.control.PlanCatalog;
import com.subscriptions.plan.control.PlanReads;
import com.subscriptions.plan.control.PlanView;
import com.subscriptions.plan.entity.BillingInterval;
import com.subscriptions.plan.entity.PlanStatus;
import com.subscriptions.platform.boundary.Callers;
import com.subscriptions.platform.boundary.ETags;
import com.subscriptions.platform.boundary.RestApplication;
import com.subscriptions.platform.entity.NotFound;
import com.subscriptions.platform.entity.Roles;
import com.subscriptions.problem.boundary.Problem;
import com.subscriptions.versioning.control.ApiVersion;
import com.subscriptions.versioning.control.ReadStrategies;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
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

/** The plan catalogue, in every API version: public reads, admin writes. */
@ApplicationScoped
@Path(ApiVersion.PATH + "/plans")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Plans")
public class PlansResource {

    @Inject
    ReadStrategies strategies;

    @Inject
    PlanListing listing;

    @Inject
    PlanCatalog catalog;

    @Inject
    Callers callers;

    @GET
    @Operation(operationId = "listPlans", summary = "List plans",
            description = "Public. Ordered by sort_order, then id; offset (page, per_page) or keyset (cursor) paging, "
                    + "filters status and public_only, sparse fields. Carries an ETag; If-None-Match answers 304 "
                    + "when unchanged.")
    @APIResponse(responseCode = "200", description = "A page of plans",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "PlanList")))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    @APIResponse(responseCode = "400", description = "A parameter is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "An Authorization header that is not a valid access token "
            + "(send none here)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response list(@PathParam("version") ApiVersion version,
                         @Parameter(description = "Page number, from 1") @QueryParam("page") String page,
                         @Parameter(description = "Plans a page, 1 to 100") @QueryParam("per_page") String perPage,
                         @Parameter(description = "active, inactive or deprecated") @QueryParam("status") String status,
                         @Parameter(description = "Only public plans (default true)") @QueryParam("public_only")
                         String publicOnly,
                         @Parameter(description = QueryParams.CURSOR) @QueryParam("cursor") String cursor,
                         @Parameter(description = QueryParams.FIELDS) @QueryParam("fields") String fields,
                         @Context Request request) {
        return listing.list(version, page, perPage, status, publicOnly, cursor, fields, request);
    }

    @GET
    @Path("{id: [0-9]+}")
    @Operation(operationId = "getPlan", summary = "One plan",
            description = "Public; hidden (non-public) plans too. Sparse fields. Carries an ETag; If-None-Match "
                    + "answers 304 when unchanged.")
    @APIResponse(responseCode = "200", description = "The plan",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    @APIResponse(responseCode = "400", description = "An unknown field in fields",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "An Authorization header that is not a valid access token "
            + "(send none here)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such plan",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response byId(@PathParam("version") ApiVersion version, @PathParam("id") long id,
                         @Parameter(description = QueryParams.FIELDS) @QueryParam("fields") String fields,
                         @Context Request request) {
        SparseFields selected = SparseFields.parse(fields, PlanView.class);
        return ETags.conditional(request, selected.of(reads(version).byId(id)
                .orElseThrow(() -> new NotFound("Plan " + id + " not found"))));
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = RestApplication.BEARER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createPlan", summary = "Create a plan",
            description = "Requires name, description and price; the rest has defaults (interval monthly, "
                    + "duration_months 1, features {}, status active, is_public true, sort_order 0, trial_days 0, "
                    + "currency USD). Answers 201 with the plan, its Location and ETag. Admins only.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "400", description = "A field is missing or invalid, or no such parent plan",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "Missing, invalid, expired or revoked access token",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Duplicate name and interval",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response create(
            @PathParam("version") ApiVersion version,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "teamPlan", summary = "A monthly plan with a 14-day trial",
                            value = "{\"name\": \"Team\", \"description\": \"For small teams\", \"price\": 19.99, "
                                    + "\"currency\": \"USD\", \"interval\": \"monthly\", \"duration_months\": 1, "
                                    + "\"features\": {\"storage\": 20, \"projects\": 10, \"users\": 5}, "
                                    + "\"is_public\": true, \"sort_order\": 2, \"trial_days\": 14}")))
            @Valid @NotNull PlanRequest body) {
        PlanView plan = PlanView.of(catalog.create(body.toDraft(), callers.current()));
        return Response.created(UriBuilder.fromPath("{version}/plans/{id}")
                .build(version.segment(), plan.id())).entity(plan).tag(ETags.of(plan)).build();
    }

    @PUT
    @Path("{id: [0-9]+}")
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = RestApplication.BEARER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updatePlan", summary = "Update a plan (absent fields unchanged)",
            description = "A partial update: only the fields sent change. Honours If-Match (the plan's ETag): a "
                    + "stale one answers 412. Answers the plan with its new ETag. Admins only.")
    @APIResponse(responseCode = "200", description = "The plan",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid, or no such parent plan",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "Missing, invalid, expired or revoked access token",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such plan", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Duplicate name and interval",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "412", description = "If-Match does not match the current plan",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response update(
            @PathParam("id") long id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "newPrice", summary = "Change the price only",
                            value = "{\"price\": 24.99}")))
            @Valid @NotNull PlanRequest body) {
        PlanView plan = PlanView.of(catalog.update(id, body.toDraft(),
                current -> ifMatch == null || ETags.matches(ifMatch, ETags.of(PlanView.of(current))),
                callers.current()));
        return Response.ok(plan).tag(ETags.of(plan)).build();
    }

    @DELETE
    @Path("{id: [0-9]+}")
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = RestApplication.BEARER)
    @Operation(operationId = "deletePlan", summary = "Delete a plan that nothing refers to",
            description = "Only a plan without subscriptions or child plans can be deleted; otherwise mark it "
                    + "deprecated (updatePlan). Admins only.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "401", description = "Missing, invalid, expired or revoked access token",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such plan", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "The plan has subscriptions or child plans: deprecate it instead",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public void delete(@PathParam("id") long id) {
        catalog.delete(id, callers.current());
    }

    @GET
    @Path("intervals")
    @Operation(operationId = "listPlanIntervals", summary = "The billing intervals a plan can have",
            description = "Public. Each interval's JSON value (as in a plan's interval) and its name.")
    @APIResponse(responseCode = "200", description = "Every interval",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = EnumOption.class)))
    @APIResponse(responseCode = "401", description = "An Authorization header that is not a valid access token "
            + "(send none here)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public List<EnumOption> intervals() {
        return EnumOption.allOf(BillingInterval.class);
    }

    @GET
    @Path("statuses")
    @Operation(operationId = "listPlanStatuses", summary = "The statuses a plan can have",
            description = "Public. Each status's JSON value (as in a plan's status) and its name.")
    @APIResponse(responseCode = "200", description = "Every status",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = EnumOption.class)))
    @APIResponse(responseCode = "401", description = "An Authorization header that is not a valid access token "
            + "(send none here)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public List<EnumOption> statuses() {
        return EnumOption.allOf(PlanStatus.class);
    }

    private PlanReads reads(ApiVersion version) {
        return strategies.of(PlanReads.class, version);
    }
}
