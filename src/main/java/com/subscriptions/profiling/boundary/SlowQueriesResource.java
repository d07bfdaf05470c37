package com.subscriptions.profiling.boundary;

import com.subscriptions.platform.boundary.Callers;
import com.subscriptions.platform.boundary.RestApplication;
import com.subscriptions.platform.entity.Roles;
import com.subscriptions.problem.boundary.Problem;
import com.subscriptions.profiling.control.SlowQueryAdministration;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The last SQL statements over the slow-query threshold, and the threshold. */
@ApplicationScoped
@Path("admin/slow-queries")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = RestApplication.BEARER)
@Tag(name = "Admin")
public class SlowQueriesResource {

    @Inject
    SlowQueryAdministration slowQueries;

    @Inject
    Callers callers;

    @GET
    @Operation(operationId = "listSlowQueries", summary = "List the slow queries",
            description = "The threshold and the newest SQL statements that took at least as long: when, duration, "
                    + "SQL, rows, route and request id (the X-Request-Id of the request that ran it). Admins only.")
    @APIResponse(responseCode = "200", description = "The threshold and the slow statements, newest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SlowQueryAdministration.SlowQueryList.class)))
    @APIResponse(responseCode = "401", description = "Missing, invalid, expired or revoked access token",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public SlowQueryAdministration.SlowQueryList list() {
        return slowQueries.list();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setSlowQueryThreshold", summary = "Change the threshold (milliseconds)",
            description = "Statements taking threshold_ms (0 to 600000) or longer are recorded from now on. "
                    + "Audited. Admins only.")
    @APIResponse(responseCode = "200", description = "The new threshold and the slow statements, newest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SlowQueryAdministration.SlowQueryList.class)))
    @APIResponse(responseCode = "400", description = "Malformed body, or threshold_ms missing or out of bounds",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "Missing, invalid, expired or revoked access token",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public SlowQueryAdministration.SlowQueryList threshold(
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "fiftyMilliseconds", summary = "Record statements over 50 ms",
                            value = "{\"threshold_ms\": 50}")))
            @Valid @NotNull Threshold body) {
        return slowQueries.threshold(body.thresholdMs, callers.current());
    }

    /** {@code {"threshold_ms": 50}}. */
    public static class Threshold {
        @NotNull
        @Min(0)
        @Max(600_000)
        public Integer thresholdMs;
    }
}
