package com.subscriptions.queryplan.boundary;

import com.subscriptions.paging.boundary.QueryParams;
import com.subscriptions.platform.boundary.RestApplication;
import com.subscriptions.platform.entity.Roles;
import com.subscriptions.problem.boundary.Problem;
import com.subscriptions.queryplan.control.ReadQueryPlans;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** EXPLAIN of every version's named read queries on the live database. */
@ApplicationScoped
@Path("admin/query-plans")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = RestApplication.BEARER)
@Tag(name = "Admin")
public class QueryPlansResource {

    @Inject
    ReadQueryPlans readQueryPlans;

    @Inject
    JsonWebToken token;

    @GET
    @Operation(operationId = "explainQueries", summary = "Each version's read queries, run and explained",
            description = "Runs the named read queries of v1, v2 and v3 for the given user (default: the caller) "
                    + "and plan (default 1) and answers each SQL statement with its EXPLAIN plan. v3's reads run as "
                    + "on cache misses, without reading, filling or clearing its caches: nothing changes. Admins only.")
    @APIResponse(responseCode = "200", description = "Every version's reads, each with its statements and plans",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ReadQueryPlans.ExplainedRead.class)))
    @APIResponse(responseCode = "400", description = "user_id or plan_id is not a positive integer",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "Missing, invalid, expired or revoked access token",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public List<ReadQueryPlans.ExplainedRead> explain(
            @Parameter(description = "Whose subscription reads to explain") @QueryParam("user_id") String userId,
            @Parameter(description = "Which plan to read by id") @QueryParam("plan_id") String planId) {
        return readQueryPlans.explain(QueryParams.integer("user_id", userId,
                        Integer.parseInt(token.getSubject()), 1, Integer.MAX_VALUE),
                QueryParams.integer("plan_id", planId, 1, 1, Integer.MAX_VALUE));
    }
}
