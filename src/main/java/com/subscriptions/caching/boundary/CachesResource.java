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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
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
    @Operation(operationId = "listCaches", summary = "List the caches",
            description = "Every read cache of v3 with its statistics (entries, hits, misses, hit ratio, evictions, "
                    + "puts, average get time) and its settings (time to live, maximum entries). Admins only.")
    @APIResponse(responseCode = "200", description = "Every cache",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = CacheStatistics.class)))
    @APIResponse(responseCode = "401", description = "Missing, invalid, expired or revoked access token",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public List<CacheStatistics> all() {
        return caches.all();
    }

    @GET
    @Path("{name}")
    @Operation(operationId = "getCache", summary = "Get one cache",
            description = "The statistics and settings of the cache of that name (as listed by listCaches). "
                    + "Admins only.")
    @APIResponse(responseCode = "200", description = "The cache",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CacheStatistics.class)))
    @APIResponse(responseCode = "401", description = "Missing, invalid, expired or revoked access token",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such cache",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public CacheStatistics one(@PathParam("name") String name) {
        return caches.one(name);
    }

    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "tuneCache", summary = "Change time to live and/or maximum entries",
            description = "Live, without a restart; a setting left out stays as it is. The time to live applies to "
                    + "entries created from now on; a smaller maximum evicts at once. Audited. Admins only.")
    @APIResponse(responseCode = "200", description = "The cache with its new settings",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CacheStatistics.class)))
    @APIResponse(responseCode = "400", description = "Malformed body, or a setting out of bounds",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "Missing, invalid, expired or revoked access token",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such cache",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public CacheStatistics tune(
            @PathParam("name") String name,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "ttlAndSize", summary = "One minute, at most 10,000 entries",
                            value = "{\"ttl_seconds\": 60, \"max_entries\": 10000}")))
            @Valid @NotNull CacheSettings body) {
        return caches.tune(name, body.ttlSeconds, body.maxEntries, callers.current());
    }

    @DELETE
    @Path("{name}")
    @Operation(operationId = "clearCache", summary = "Clear one cache",
            description = "Removes every entry of the cache of that name; the next reads fill it again from the "
                    + "database. Audited. Admins only.")
    @APIResponse(responseCode = "204", description = "Cleared")
    @APIResponse(responseCode = "401", description = "Missing, invalid, expired or revoked access token",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such cache",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public void clear(@PathParam("name") String name) {
        caches.clear(name, callers.current());
    }

    @DELETE
    @Operation(operationId = "clearAllCaches", summary = "Clear every cache",
            description = "Removes every entry of every read cache; the next reads fill them again from the "
                    + "database. Audited. Admins only.")
    @APIResponse(responseCode = "204", description = "Cleared")
    @APIResponse(responseCode = "401", description = "Missing, invalid, expired or revoked access token",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = Problem.MEDIA_TYPE))
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
