package com.subscriptions.platform.boundary;

import com.subscriptions.platform.entity.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.ExternalDocumentation;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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
                        + "v2 through native SQL, v3 through cached entity-graph queries; the JSON is the same.",
                contact = @Contact(name = "Subscription service team", email = "subscriptions@example.com"),
                license = @License(name = "Proprietary", url = "https://example.com/subscriptions/license")),
        servers = @Server(url = "/", description = "This server"),
        // Named, or WildFly writes the annotation's empty default, which lacks the url the standard requires.
        externalDocs = @ExternalDocumentation(description = "Swagger UI of this server", url = "/api/docs"),
        tags = {
                @Tag(name = "Auth", description = "Registration, login, token refresh and logout"),
                @Tag(name = "Plans", description = "The plan catalogue: public reads, admin writes"),
                @Tag(name = "Subscriptions", description = "A user's subscription, its changes and history; "
                        + "admin dashboards"),
                @Tag(name = "Admin", description = "Operating the service: users, caches, pool, slow queries, "
                        + "query plans, the lifecycle job (admin role)"),
                @Tag(name = "Service", description = "Liveness of the API itself")})
public class RestApplication extends Application {

    /** The OpenAPI name of the bearer-token scheme, for {@code @SecurityRequirement}. */
    public static final String BEARER = "bearer";

    /** No WADL (Jersey publishes one at /application.wadl and on OPTIONS): the API is described by /openapi. */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
