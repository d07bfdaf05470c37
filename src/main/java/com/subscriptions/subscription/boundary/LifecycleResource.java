package com.subscriptions.subscription.boundary;

import com.subscriptions.platform.boundary.RestApplication;
import com.subscriptions.platform.entity.Roles;
import com.subscriptions.problem.boundary.Problem;
import com.subscriptions.subscription.control.LifecycleJob;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Map;

/** Runs the lifecycle job now, instead of waiting for its schedule (admin). */
@ApplicationScoped
@Path("admin/lifecycle")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = RestApplication.BEARER)
@Tag(name = "Admin")
public class LifecycleResource {

    @Inject
    LifecycleJob job;

    @POST
    @Path("run")
    @Operation(operationId = "runLifecycle", summary = "Run the lifecycle job now",
            description = "Advances every subscription whose period has ended (trial end, renewal, cancel at period "
                    + "end, expiry) without waiting for the job's schedule, in batches until nothing is due. Safe to "
                    + "repeat: a second run finds nothing more to change. Admins only.")
    @APIResponse(responseCode = "200", description = "How many subscriptions changed state",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT,
                    properties = @SchemaProperty(name = "transitions", type = SchemaType.INTEGER))))
    @APIResponse(responseCode = "401", description = "Missing, invalid, expired or revoked access token",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Map<String, Integer> run() {
        return Map.of("transitions", job.runUntilDone());
    }
}
