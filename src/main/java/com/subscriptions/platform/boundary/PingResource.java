package com.subscriptions.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The cheapest JSON answer the server gives: the benchmarks' ceiling, and a liveness probe for clients. */
@ApplicationScoped
@Path("ping")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Service")
public class PingResource {

    /** The answer. */
    public record Pong(String status) {
    }

    private static final Pong PONG = new Pong("ok");

    /** Problem.MEDIA_TYPE, written out: the platform depends on no other component. */
    private static final String PROBLEM_JSON = "application/problem+json";

    @GET
    @Operation(operationId = "ping", summary = "Answers {\"status\":\"ok\"} without touching the database",
            description = "The cheapest JSON answer of the service: a liveness probe for clients (the database's "
                    + "health is /health/ready). Public: needs no token.")
    @APIResponse(responseCode = "200", description = "The service answers",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Pong.class)))
    @APIResponse(responseCode = "401", description = "An Authorization header that is not a valid access token "
            + "(send none here)", content = @Content(mediaType = PROBLEM_JSON))
    public Pong ping() {
        return PONG;
    }
}
