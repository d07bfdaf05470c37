package com.subscriptions.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.servers.Server;

/** The JAX-RS application: every API route lives under {@code /api}. */
@ApplicationScoped
@ApplicationPath("api")
@OpenAPIDefinition(
        info = @Info(
                title = "Subscription Management API",
                version = "1.0.0",
                description = "Plans, subscriptions and their history for SaaS teams. v1 reads through JPA Criteria, "
                        + "v2 through native SQL, v3 through cached entity-graph queries; the JSON is the same."),
        servers = @Server(url = "/", description = "This server"))
public class RestApplication extends Application {
}
