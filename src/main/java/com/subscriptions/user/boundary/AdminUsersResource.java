package com.subscriptions.user.boundary;

import com.subscriptions.paging.boundary.QueryParams;
import com.subscriptions.paging.control.Page;
import com.subscriptions.platform.boundary.Callers;
import com.subscriptions.platform.boundary.RestApplication;
import com.subscriptions.platform.entity.NotFound;
import com.subscriptions.platform.entity.Roles;
import com.subscriptions.problem.boundary.Problem;
import com.subscriptions.user.control.Accounts;
import com.subscriptions.user.control.UserSearch;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

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
    UserSearch directory;

    @Inject
    Callers callers;

    @GET
    @Operation(operationId = "searchUsers", summary = "Search users",
            description = "q: username prefix, or email prefix when it has an @; status and plan_id: only users with "
                    + "a subscription in that status / on that plan. Ordered by the searched column; keyset paging "
                    + "(cursor) stays fast over millions of users. Admins only.")
    @APIResponse(responseCode = "200", description = "A page of users, each with their live subscription",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UserList.class)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "Missing, invalid, expired or revoked access token",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public UserList search(@QueryParam("q") String prefix, @QueryParam("status") String status,
                           @QueryParam("plan_id") String planId, @QueryParam("page") String page,
                           @QueryParam("per_page") String perPage,
                           @Parameter(description = QueryParams.CURSOR) @QueryParam("cursor") String cursor) {
        UserSearch.Search search = new UserSearch.Search(prefix == null || prefix.isBlank() ? null
                : prefix.strip(), status,
                planId == null || planId.isBlank() ? null
                        : (long) QueryParams.integer("plan_id", planId, 0, 1, Integer.MAX_VALUE));
        return UserList.of(directory.search(search, QueryParams.page(page, perPage, cursor)));
    }

    @GET
    @Path("{id: [0-9]+}")
    @Operation(operationId = "getUser", summary = "One account",
            description = "The account of that id: username, email, admin role, email verification and times "
                    + "(never the password). Admins only.")
    @APIResponse(responseCode = "200", description = "The account",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "401", description = "Missing, invalid, expired or revoked access token",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such user", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public UserView byId(@PathParam("id") long id) {
        return accounts.find(id).map(UserView::of)
                .orElseThrow(() -> new NotFound("User " + id + " not found"));
    }

    @PUT
    @Path("{id: [0-9]+}/roles")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changeUserRole", summary = "Grant or remove the admin role",
            description = "Body {\"is_admin\": true|false}. Nobody changes their own role; removing the role ends "
                    + "the user's sessions. Audited. Admins only.")
    @APIResponse(responseCode = "200", description = "The account with its new role",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "400", description = "Malformed body, or is_admin missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "Missing, invalid, expired or revoked access token",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not an admin, or the caller's own account",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such user", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public UserView changeRole(
            @PathParam("id") long id,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "grantAdmin", summary = "Make the user an admin",
                            value = "{\"is_admin\": true}")))
            @Valid @NotNull RoleChange body) {
        return UserView.of(accounts.changeAdminRole(id, body.isAdmin, callers.current()));
    }

    /** A page of the user search, in the lists' envelope. */
    public record UserList(List<UserSearch.Listed> users, Long total, Integer page, int perPage, Long pages,
                           String nextCursor, boolean hasMore) {
        static UserList of(Page<UserSearch.Listed> page) {
            return new UserList(page.items(), page.total(), page.number(), page.request().perPage(), page.pages(),
                    page.nextCursor(), page.hasMore());
        }
    }

    /** {@code {"is_admin": true}}. */
    public static class RoleChange {
        @NotNull
        public Boolean isAdmin;
    }
}
