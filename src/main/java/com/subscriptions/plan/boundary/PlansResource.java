package com.subscriptions.plan.boundary;

import com.subscriptions.plan.control.PlanFilter;
import com.subscriptions.plan.control.PlanReads;
import com.subscriptions.plan.control.PlanView;
import com.subscriptions.plan.entity.BillingInterval;
import com.subscriptions.plan.entity.PlanStatus;
import com.subscriptions.platform.boundary.Problem;
import com.subscriptions.platform.boundary.ProblemException;
import com.subscriptions.platform.boundary.QueryParams;
import com.subscriptions.platform.control.ApiVersion;
import com.subscriptions.platform.control.ReadStrategy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The public plan catalogue, in every API version. */
@ApplicationScoped
@Path(ApiVersion.PATH + "/plans")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Plans")
public class PlansResource {

    @Inject
    @Any
    Instance<PlanReads> strategies;

    @GET
    @Operation(summary = "List plans", description = "Ordered by sort_order, then id.")
    @APIResponse(responseCode = "200", description = "A page of plans",
            content = @Content(schema = @Schema(implementation = PlanList.class)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public PlanList list(@PathParam("version") ApiVersion version,
                         @Parameter(description = "Page number, from 1") @QueryParam("page") String page,
                         @Parameter(description = "Plans a page, 1 to 100") @QueryParam("per_page") String perPage,
                         @Parameter(description = "active, inactive or deprecated") @QueryParam("status") String status,
                         @Parameter(description = "Only public plans (default true)") @QueryParam("public_only")
                         String publicOnly) {
        PlanFilter filter = new PlanFilter(QueryParams.code("status", status, PlanStatus.class),
                QueryParams.bool("public_only", publicOnly, true));
        return PlanList.of(reads(version).list(filter, QueryParams.page(page, perPage)));
    }

    @GET
    @Path("{id: [0-9]+}")
    @Operation(summary = "One plan")
    @APIResponse(responseCode = "200", description = "The plan",
            content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "404", description = "No such plan",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public PlanView byId(@PathParam("version") ApiVersion version, @PathParam("id") long id) {
        return reads(version).byId(id).orElseThrow(() -> ProblemException.notFound("Plan " + id + " not found"));
    }

    @GET
    @Path("intervals")
    @Operation(summary = "The billing intervals a plan can have")
    @APIResponse(responseCode = "200", description = "Every interval")
    public List<EnumOption> intervals() {
        return EnumOption.allOf(BillingInterval.class);
    }

    @GET
    @Path("statuses")
    @Operation(summary = "The statuses a plan can have")
    @APIResponse(responseCode = "200", description = "Every status")
    public List<EnumOption> statuses() {
        return EnumOption.allOf(PlanStatus.class);
    }

    private PlanReads reads(ApiVersion version) {
        return strategies.select(ReadStrategy.Literal.of(version)).get();
    }
}
