package com.subscriptions.caching.boundary;

import com.subscriptions.caching.control.CacheAdministration;
import com.subscriptions.caching.control.CacheStatistics;
import com.subscriptions.platform.boundary.Callers;
import com.subscriptions.platform.boundary.RestApplication;
import com.subscriptions.platform.entity.Roles;
import com.subscriptions.problem.boundary.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** v3's read caches: statistics, tuning at run time, clearing. */
@ApplicationScoped
@Path("admin/caches")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = RestApplication.BEARER)
@Tag(name = "Admin")
public class CachesResource {

    @Inject
    CacheAdministration caches;

    @Inject
    Callers callers;

    @GET
    @Operation(summary = "Every cache: entries, hits, misses, hit ratio, evictions, puts, average get time, settings")
    public List<CacheStatistics> all() {
        return caches.all();
    }

    @GET
    @Path("{name}")
    @Operation(summary = "One cache")
    @APIResponse(responseCode = "404", description = "No such cache", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public CacheStatistics one(@PathParam("name") String name) {
        return caches.one(name);
    }

    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change time to live and/or maximum entries",
            description = "The time to live applies to entries created from now on; a smaller maximum evicts at once.")
    @APIResponse(responseCode = "200", description = "The cache with its new settings")
    @APIResponse(responseCode = "400", description = "A setting is out of bounds",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public CacheStatistics tune(@PathParam("name") String name, @Valid @NotNull CacheSettings body) {
        return caches.tune(name, body.ttlSeconds, body.maxEntries, callers.current());
    }

    @DELETE
    @Path("{name}")
    @Operation(summary = "Clear one cache")
    @APIResponse(responseCode = "204", description = "Cleared")
    public void clear(@PathParam("name") String name) {
        caches.clear(name, callers.current());
    }

    @DELETE
    @Operation(summary = "Clear every cache")
    @APIResponse(responseCode = "204", description = "Cleared")
    public void clearAll() {
        caches.clearAll(callers.current());
    }

    /** {@code {"ttl_seconds": 60, "max_entries": 10000}}; either may be left out. */
    public static class CacheSettings {
        @Min(1)
        @Max(86_400)
        public Integer ttlSeconds;

        @Min(1)
        @Max(1_000_000)
        public Integer maxEntries;
    }
}
