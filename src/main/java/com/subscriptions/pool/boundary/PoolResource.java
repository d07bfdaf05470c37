package com.subscriptions.pool.boundary;

import com.subscriptions.platform.boundary.Callers;
import com.subscriptions.platform.boundary.RestApplication;
import com.subscriptions.platform.entity.Roles;
import com.subscriptions.pool.control.ConnectionPool;
import com.subscriptions.pool.control.PoolStatistics;
import com.subscriptions.problem.boundary.Problem;
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

/** The container's JDBC connection pool: live statistics and live tuning. */
@ApplicationScoped
@Path("admin/pool")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = RestApplication.BEARER)
@Tag(name = "Admin")
public class PoolResource {

    @Inject
    ConnectionPool pool;

    @Inject
    Callers callers;

    @GET
    @Operation(operationId = "getPool", summary = "Get the connection pool's statistics and settings",
            description = "The JDBC pool of this server, live: connections in use, free and waited for, the most "
                    + "used, the average wait, connections created and destroyed, and the settings (steady size, "
                    + "max size, wait timeout). Admins only.")
    @APIResponse(responseCode = "200", description = "The pool",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PoolStatistics.class)))
    @APIResponse(responseCode = "401", description = "Missing, invalid, expired or revoked access token",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "501", description = "Not on this server: WildFly's data source without statistics",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public PoolStatistics statistics() {
        return pool.statistics();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "tunePool",
            summary = "Change steady size, max size and/or wait timeout, without a restart",
            description = "A setting left out stays as it is; the steady size must not exceed the max size. WildFly "
                    + "cannot resize its pool live: there only the wait timeout changes (a new size is 501). "
                    + "Audited. Admins only.")
    @APIResponse(responseCode = "200", description = "The pool with its new settings",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PoolStatistics.class)))
    @APIResponse(responseCode = "400", description = "Malformed body, a setting out of bounds, or steady above max",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "Missing, invalid, expired or revoked access token",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "501", description = "Not on this server: a new size on WildFly (it needs a reload), "
            + "or WildFly's data source without statistics", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public PoolStatistics tune(
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "resize", summary = "8 steady, 32 at most, 10 s wait",
                            value = "{\"steady_pool_size\": 8, \"max_pool_size\": 32, "
                                    + "\"max_wait_millis\": 10000}")))
            @Valid @NotNull PoolSettings body) {
        return pool.tune(body.steadyPoolSize, body.maxPoolSize, body.maxWaitMillis, callers.current());
    }

    /** {@code {"steady_pool_size": 8, "max_pool_size": 32, "max_wait_millis": 10000}}; any may be left out. */
    public static class PoolSettings {
        @Min(0)
        @Max(500)
        public Integer steadyPoolSize;

        @Min(1)
        @Max(500)
        public Integer maxPoolSize;

        @Min(0)
        @Max(600_000)
        public Integer maxWaitMillis;
    }
}
