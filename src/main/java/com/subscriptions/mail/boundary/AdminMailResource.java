package com.subscriptions.mail.boundary;

import com.subscriptions.mail.control.MailLog;
import com.subscriptions.mail.control.MailStatus;
import com.subscriptions.mail.control.MailView;
import com.subscriptions.paging.boundary.QueryParams;
import com.subscriptions.platform.boundary.RestApplication;
import com.subscriptions.platform.entity.Roles;
import com.subscriptions.problem.boundary.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The mail the service sent or is sending (README, "Email"). Admins only. */
@ApplicationScoped
@Path("admin/mail")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = RestApplication.BEARER)
@Tag(name = "Admin")
public class AdminMailResource {

    @Inject
    MailLog mail;

    @GET
    @Operation(operationId = "listMail", summary = "List the mail outbox",
            description = "Newest first, at most limit (default 50, at most 200); before: only mails with a smaller id "
                    + "(the next page); user_id: only that user's. Each with its status (pending, sent, failed), "
                    + "attempts and last error; without bodies.")
    @APIResponse(responseCode = "200", description = "The mails",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MailList.class)))
    @APIResponse(responseCode = "400", description = "An invalid parameter", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "Missing, invalid, expired or revoked access token",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public MailList list(
            @Parameter(description = "Only mails with a smaller id (the last id of the previous page)")
            @QueryParam("before") String before,
            @Parameter(description = "Only this user's mails") @QueryParam("user_id") String userId,
            @Parameter(description = "At most this many, 1 to 200 (default 50)") @QueryParam("limit") String limit) {
        return new MailList(mail.recent(optionalId("user_id", userId), optionalId("before", before),
                QueryParams.integer("limit", limit, 50, 1, 200)));
    }

    @GET
    @Path("status")
    @Operation(operationId = "getMailStatus", summary = "Get the mail settings and the mail outbox's state",
            description = "Whether mail is sent (an SMTP server is configured), to which server, from which address; "
                    + "the mail outbox's due, pending and failed counts and its lag in seconds.")
    @APIResponse(responseCode = "200", description = "Mail now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MailStatus.class)))
    @APIResponse(responseCode = "401", description = "Missing, invalid, expired or revoked access token",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public MailStatus status() {
        return mail.status();
    }

    @GET
    @Path("{id: [0-9]+}")
    @Operation(operationId = "getMail", summary = "Get one mail with its text and HTML",
            description = "The bodies are null once dropped: when sent, unless mail.keep-sent-bodies-hours keeps them "
                    + "(the run command's local mail catcher does).")
    @APIResponse(responseCode = "200", description = "The mail",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MailView.class)))
    @APIResponse(responseCode = "404", description = "No such mail", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "Missing, invalid, expired or revoked access token",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public MailView one(@PathParam("id") long id) {
        return mail.one(id);
    }

    private static Long optionalId(String name, String value) {
        return value == null || value.isBlank() ? null : (long) QueryParams.integer(name, value, 0, 1, Integer.MAX_VALUE);
    }
}
