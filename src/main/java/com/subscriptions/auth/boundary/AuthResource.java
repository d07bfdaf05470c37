package com.subscriptions.auth.boundary;

import com.subscriptions.auth.control.AccountEmails;
import com.subscriptions.auth.control.RateLimiter;
import com.subscriptions.auth.control.Sessions;
import com.subscriptions.platform.boundary.Callers;
import com.subscriptions.platform.boundary.RestApplication;
import com.subscriptions.platform.control.Caller;
import com.subscriptions.platform.entity.Roles;
import com.subscriptions.problem.boundary.Problem;
import com.subscriptions.user.boundary.UserView;
import com.subscriptions.user.control.Accounts;
import com.subscriptions.user.entity.User;
import com.subscriptions.versioning.control.ApiVersion;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Map;

/** Registration and sessions, under every API version (nothing here reads version-specifically). */
@ApplicationScoped
@Path(ApiVersion.PATH + "/auth")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Auth")
public class AuthResource {

    @Inject
    Accounts accounts;

    @Inject
    Sessions sessions;

    @Inject
    RateLimiter rateLimiter;

    @Inject
    Callers callers;

    @Inject
    AccountEmails accountEmails;

    @Inject
    JsonWebToken token;

    @POST
    @Path("register")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "register", summary = "Create an account",
            description = "Public. The password needs 8 to 128 characters, must not contain the username and must "
                    + "not be common or easy to guess. Answers 201 with the account and its Location; rate-limited "
                    + "per client address and per username (429 with Retry-After).")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "400", description = "A field is missing or invalid, or the password is weak",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "An Authorization header that is not a valid access token "
            + "(send none here)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Username or email already exists",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "429", description = "Too many attempts",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response register(
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "newAccount", summary = "A new user",
                            value = "{\"username\": \"testuser\", \"email\": \"test@example.com\", "
                                    + "\"password\": \"Quartz-Lantern-Meadow-71\"}")))
            @Valid @NotNull RegisterRequest body) {
        Caller client = callers.current();
        rateLimiter.attempt("register", client.address(), Sessions.normalized(body.username));
        User user = accounts.register(body.username, body.email, body.password, client);
        return Response.created(UriBuilder.fromPath("admin/users/{id}").build(user.id()))
                .entity(UserView.of(user)).build();
    }

    @POST
    @Path("login")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "login", summary = "Log in with username or email",
            description = "Public. Returns an access token (the bearer of every other route) and a refresh token "
                    + "(for refreshTokens). Rate-limited per client address, and failures per account (429 with "
                    + "Retry-After).")
    @APIResponse(responseCode = "200", description = "Logged in",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = LoginResponse.class)))
    @APIResponse(responseCode = "400", description = "Malformed body, or a field missing or too long",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "Invalid username/email or password, or an Authorization header "
            + "that is not a valid access token", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "429", description = "Too many attempts",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public LoginResponse login(
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "byUsername", summary = "Username (or email) and password",
                            value = "{\"username\": \"testuser\", \"password\": \"Quartz-Lantern-Meadow-71\"}")))
            @Valid @NotNull LoginRequest body) {
        Caller client = callers.current();
        rateLimiter.attempt("login", client.address());
        return LoginResponse.of(sessions.login(body.username, body.password, client));
    }

    @POST
    @Path("refresh")
    @RolesAllowed(Roles.USER)
    @RefreshTokenRequired
    @SecurityRequirement(name = RestApplication.BEARER)
    @Operation(operationId = "refreshTokens", summary = "Exchange the refresh token (as the bearer) for new tokens",
            description = "Send the refresh token, not the access token, as the bearer. The refresh token is used up; "
                    + "presenting it again revokes every token of its login. Rate-limited (429 with Retry-After).")
    @APIResponse(responseCode = "200", description = "New tokens",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "401", description = "Missing, invalid, expired, reused or revoked refresh token",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "The token does not carry the user role",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "429", description = "Too many attempts",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public TokenResponse refresh() {
        Caller client = callers.current();
        rateLimiter.attempt("refresh", client.address(), token.getSubject());
        return TokenResponse.of(sessions.refresh(token, client));
    }

    @POST
    @Path("logout")
    @RolesAllowed(Roles.USER)
    @SecurityRequirement(name = RestApplication.BEARER)
    @Operation(operationId = "logout", summary = "Revoke the access token and every token of its login",
            description = "The access token and its refresh tokens stop working at once, on every instance; using "
                    + "them again answers 401.")
    @APIResponse(responseCode = "200", description = "Logged out",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT,
                    properties = @SchemaProperty(name = "message", type = SchemaType.STRING,
                            example = "Successfully logged out"))))
    @APIResponse(responseCode = "401", description = "Missing, invalid, expired or revoked access token",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "The token does not carry the user role",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Map<String, String> logout() {
        sessions.logout(token, callers.current());
        return Map.of("message", "Successfully logged out");
    }

    @POST
    @Path("verify-email")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "verifyEmail", summary = "Verify an email address with the token of its mail",
            description = "Public: the token is the proof. Registration mails a link (valid 48 hours, once) to the "
                    + "account's address; the page it opens sends its token here. email_verified is then true. "
                    + "Rate-limited per client address.")
    @APIResponse(responseCode = "204", description = "Verified")
    @APIResponse(responseCode = "400", description = "No token, or one that is invalid, expired or used (field token)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "An Authorization header that is not a valid access token "
            + "(send none here)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "429", description = "Too many attempts",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public void verifyEmail(
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "mailedToken", summary = "The token of the mail's link",
                            value = "{\"token\": \"q0x7Vb3m8lW9yRkq2aT4vN1cZ6pE5sJ0dH8uG3fY2iO\"}")))
            @Valid @NotNull TokenRequest body) {
        Caller client = callers.current();
        rateLimiter.attempt("verify-email", client.address());
        accountEmails.verifyEmail(body.token, client);
    }

    @POST
    @Path("verify-email/resend")
    @RolesAllowed(Roles.USER)
    @SecurityRequirement(name = RestApplication.BEARER)
    @Operation(operationId = "resendVerificationEmail", summary = "Mail a new verification link to the caller",
            description = "Earlier links stop working. A few an hour per account (429 with Retry-After).")
    @APIResponse(responseCode = "202", description = "Queued for sending")
    @APIResponse(responseCode = "401", description = "Missing, invalid, expired or revoked access token",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "The token does not carry the user role",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "The address is already verified",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "429", description = "Too many mails asked for",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response resendVerification() {
        Caller caller = callers.current();
        accountEmails.resendVerification(caller.userId(), caller);
        return Response.accepted().build();
    }

    @POST
    @Path("password-reset")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "requestPasswordReset", summary = "Mail a password-reset link",
            description = "Public. Always 202, whether or not the address has an account (nothing tells which "
                    + "addresses do); if it has, a link valid 30 minutes, once, is mailed to it (a few an hour). "
                    + "Rate-limited per client address.")
    @APIResponse(responseCode = "202", description = "Accepted")
    @APIResponse(responseCode = "400", description = "No or an invalid email", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "An Authorization header that is not a valid access token "
            + "(send none here)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "429", description = "Too many attempts",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response requestPasswordReset(
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "byEmail", summary = "The account's address",
                            value = "{\"email\": \"test@example.com\"}")))
            @Valid @NotNull PasswordResetRequest body) {
        Caller client = callers.current();
        rateLimiter.attempt("password-reset", client.address());
        accountEmails.requestPasswordReset(body.email, client);
        return Response.accepted().build();
    }

    @POST
    @Path("password-reset/confirm")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "resetPassword", summary = "Set a new password with the token of a reset mail",
            description = "Public: the token is the proof. The password follows the registration rules; a refused "
                    + "password leaves the token valid. On success the token is used up and every session of the "
                    + "user ends (their tokens answer 401); the address counts as verified. Rate-limited per client "
                    + "address.")
    @APIResponse(responseCode = "204", description = "Password changed")
    @APIResponse(responseCode = "400", description = "A token that is invalid, expired or used (field token), or a "
            + "weak password (field password)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "An Authorization header that is not a valid access token "
            + "(send none here)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "429", description = "Too many attempts",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public void resetPassword(
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "newPassword", summary = "The mail's token and a new password",
                            value = "{\"token\": \"q0x7Vb3m8lW9yRkq2aT4vN1cZ6pE5sJ0dH8uG3fY2iO\", \"password\": \"Violet-Harbour-Engine-42\"}")))
            @Valid @NotNull NewPasswordRequest body) {
        Caller client = callers.current();
        rateLimiter.attempt("password-reset", client.address());
        accountEmails.resetPassword(body.token, body.password, client);
    }
}
