package com.subscriptions.user.boundary;

import com.subscriptions.platform.boundary.Clients;
import com.subscriptions.platform.boundary.Problem;
import com.subscriptions.platform.boundary.ProblemException;
import com.subscriptions.platform.boundary.RestApplication;
import com.subscriptions.user.control.Accounts;
import com.subscriptions.user.entity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Accounts as admins see them, and the admin role. */
@ApplicationScoped
@Path("admin/users")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = RestApplication.BEARER)
@Tag(name = "Admin")
public class AdminUsersResource {

    @Inject
    Accounts accounts;

    @Inject
    Clients clients;

    @Inject
    JsonWebToken token;

    @GET
    @Path("{id: [0-9]+}")
    @Operation(summary = "One account")
    @APIResponse(responseCode = "200", description = "The account",
            content = @Content(schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "404", description = "No such user", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public UserView byId(@PathParam("id") long id) {
        return accounts.find(id).map(UserView::of)
                .orElseThrow(() -> ProblemException.notFound("User " + id + " not found"));
    }

    @PUT
    @Path("{id: [0-9]+}/roles")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Grant or remove the admin role",
            description = "Body {\"is_admin\": true|false}. Nobody changes their own role; removing the role ends "
                    + "the user's sessions.")
    @APIResponse(responseCode = "200", description = "The account with its new role",
            content = @Content(schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "403", description = "Not an admin, or the caller's own account",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such user", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public UserView changeRole(@PathParam("id") long id, @Valid @NotNull RoleChange body) {
        return UserView.of(accounts.changeAdminRole(id, body.isAdmin, Long.parseLong(token.getSubject()),
                token.getName(), clients.current()));
    }

    /** {@code {"is_admin": true}}. */
    public static class RoleChange {
        @NotNull
        public Boolean isAdmin;
    }
}
