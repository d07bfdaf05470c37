package com.subscriptions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Test-only resource, added to the deployed WAR by {@link Deployments}: a JSON endpoint with Bean Validation
 * and one that fails unexpectedly, so every error class of the contract can be provoked over HTTP.
 */
@ApplicationScoped
@Path("test-probe")
@Produces(MediaType.APPLICATION_JSON)
public class ErrorProbeResource {

    /**
     * A class rather than a record: Payara's OpenAPI scanner fails with a NullPointerException on Bean
     * Validation annotations of record components (seen on 6.2025.10).
     */
    public static class Order {
        @NotBlank
        public String itemName;
        @NotNull
        @Min(1)
        public Integer quantity;
    }

    @POST
    @Operation(hidden = true)
    @Consumes(MediaType.APPLICATION_JSON)
    public Order echo(@Valid @NotNull Order order) {
        return order;
    }

    @GET
    @Operation(hidden = true)
    @Path("failure")
    public String failure() {
        throw new PersistenceException("could not execute statement [SELECT secret FROM users] at line 42");
    }
}
