package com.subscriptions.platform.boundary;

import com.subscriptions.platform.entity.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;

import java.util.Map;

/**
 * The JAX-RS application: every API route lives under {@code /api}. Bearer tokens are verified by MicroProfile
 * JWT; the application must be a CDI bean for that (bean discovery is "annotated").
 */
@ApplicationScoped
@ApplicationPath("api")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({Roles.USER, Roles.ADMIN})
@SecurityScheme(securitySchemeName = RestApplication.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT", description = "The access_token of POST /api/v1/auth/login")
@OpenAPIDefinition(
        info = @Info(
                title = "Subscription Management API",
                version = "1.0.0",
                description = "Plans, subscriptions and their history for SaaS teams. v1 reads through JPA Criteria, "
                        + "v2 through native SQL, v3 through cached entity-graph queries; the JSON is the same."),
        servers = @Server(url = "/", description = "This server"))
public class RestApplication extends Application {

    /** The OpenAPI name of the bearer-token scheme, for {@code @SecurityRequirement}. */
    public static final String BEARER = "bearer";

    /** No WADL (Jersey publishes one at /application.wadl and on OPTIONS): the API is described by /openapi. */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
