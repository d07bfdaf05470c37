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
    @Operation(summary = "The threshold and the newest statements over it: time, duration, SQL, rows, route, request id")
    public SlowQueryAdministration.SlowQueryList list() {
        return slowQueries.list();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the threshold (milliseconds)")
    @APIResponse(responseCode = "400", description = "Out of bounds", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public SlowQueryAdministration.SlowQueryList threshold(@Valid @NotNull Threshold body) {
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
