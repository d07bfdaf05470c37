package com.subscriptions.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
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

    @GET
    @Operation(summary = "Answers {\"status\":\"ok\"} without touching the database")
    public Pong ping() {
        return PONG;
    }
}
