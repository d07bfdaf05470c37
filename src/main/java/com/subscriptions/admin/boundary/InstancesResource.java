package com.subscriptions.admin.boundary;

import com.subscriptions.admin.control.InstanceReport;
import com.subscriptions.admin.control.InstanceReports;
import com.subscriptions.platform.boundary.RestApplication;
import com.subscriptions.platform.entity.Roles;
import com.subscriptions.problem.boundary.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The instances of the service: who is in the cluster, and each one's pool and caches. */
@ApplicationScoped
@Path("admin/instances")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = RestApplication.BEARER)
@Tag(name = "Admin")
public class InstancesResource {

    @Inject
    InstanceReports reports;

    /** {@code clustered}: false when this instance runs alone (no data grid: WildFly, or clustering off). */
    public record InstanceList(boolean clustered, List<InstanceReport> instances) {
    }

    @GET
    @Operation(operationId = "listInstances", summary = "List the instances of the service",
            description = "Every member of the cluster (one when the instance runs alone): its id, cluster address, "
                    + "process, start, version, and its pool and cache figures as it last reported them (every 5 s; "
                    + "the answering instance, local=true, reports at the request). Pool changes apply to the "
                    + "answering instance only; cache changes to every instance. Admins only.")
    @APIResponse(responseCode = "200", description = "The instances",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = InstanceList.class)))
    @APIResponse(responseCode = "401", description = "Missing, invalid, expired or revoked access token",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public InstanceList all() {
        return new InstanceList(reports.clustered(), reports.all());
    }
}
