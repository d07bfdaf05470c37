package com.subscriptions.subscription.boundary;

import com.subscriptions.platform.boundary.RestApplication;
import com.subscriptions.platform.entity.Roles;
import com.subscriptions.subscription.control.LifecycleJob;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Map;

/** Runs the lifecycle job now, instead of waiting for its timer (admin). */
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
    @Operation(summary = "Advance every subscription whose period has ended (trial end, renewal, cancel, expiry)")
    @APIResponse(responseCode = "200", description = "{\"transitions\": n}")
    public Map<String, Integer> run() {
        return Map.of("transitions", job.runUntilDone());
    }
}
