package com.subscriptions.auth.boundary;

import com.subscriptions.auth.control.AccountEmails;
import com.subscriptions.auth.control.RateLimiter;
import com.subscriptions.platform.boundary.Callers;
import com.subscriptions.platform.boundary.RestApplication;
import com.subscriptions.platform.control.Caller;
import com.subscriptions.platform.entity.NotFound;
import com.subscriptions.platform.entity.Roles;
import com.subscriptions.problem.boundary.Problem;
import com.subscriptions.user.control.Accounts;
import com.subscriptions.versioning.control.ApiVersion;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

/** The caller's own account: what it is, and whether it receives notification mails. */
@ApplicationScoped
@Path(ApiVersion.PATH + "/account")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Auth")
public class AccountResource {

    @Inject
    Accounts accounts;

    @Inject
    AccountEmails accountEmails;

    @Inject
    RateLimiter rateLimiter;

    @Inject
    Callers callers;

    @GET
    @RolesAllowed(Roles.USER)
    @SecurityRequirement(name = RestApplication.BEARER)
    @Operation(operationId = "getAccount", summary = "Get the caller's account",
            description = "The user JSON of registration, with email_verified and email_notifications.")
    @APIResponse(responseCode = "200", description = "The account",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccountView.class)))
    @APIResponse(responseCode = "401", description = "Missing, invalid, expired or revoked access token",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "The token does not carry the user role",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public AccountView account() {
        long userId = callers.current().userId();
        return AccountView.of(accounts.find(userId).orElseThrow(() -> new NotFound("User " + userId + " not found")));
    }

    @PUT
    @Path("notifications")
    @RolesAllowed(Roles.USER)
    @SecurityRequirement(name = RestApplication.BEARER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setNotifications", summary = "Turn the caller's notification mails on or off",
            description = "Notifications: trial ending, renewed, cancellation scheduled, subscription ended, plan "
                    + "changed. Verification and password-reset mails are always sent. Audited.")
    @APIResponse(responseCode = "200", description = "The account",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccountView.class)))
    @APIResponse(responseCode = "400", description = "enabled missing or not a boolean",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "Missing, invalid, expired or revoked access token",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "The token does not carry the user role",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public AccountView setNotifications(
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "off", summary = "No more notification mails",
                            value = "{\"enabled\": false}")))
            @Valid @NotNull NotificationsRequest body) {
        Caller caller = callers.current();
        return AccountView.of(accounts.receiveNotifications(caller.userId(), body.enabled, caller));
    }

    @POST
    @Path("unsubscribe")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "unsubscribe", summary = "Turn notification mails off with the link of one of them",
            description = "Public: the token of a notification's opt-out link is the proof (any of that user's "
                    + "notifications carries one). Rate-limited per client address.")
    @APIResponse(responseCode = "204", description = "Notifications are off")
    @APIResponse(responseCode = "400", description = "No or an invalid token (field token)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "An Authorization header that is not a valid access token "
            + "(send none here)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "429", description = "Too many attempts",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public void unsubscribe(
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "optOutLink", summary = "The token of a notification's opt-out link",
                            value = "{\"token\": \"42.Xk3r9TqL0mB7vZ2wY5nC8pH1sJ4dF6gA0eR3tU9iO2k\"}")))
            @Valid @NotNull TokenRequest body) {
        Caller client = callers.current();
        rateLimiter.attempt("unsubscribe", client.address());
        accountEmails.unsubscribe(body.token, client);
    }
}
