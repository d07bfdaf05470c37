package com.subscriptions.apidoc.boundary;

import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Payara writes the schema of an answer given as {@code @Schema(implementation = PlanView.class)} as an inline copy
 * of the component {@code PlanView}, which a client generator turns into a second model. A copy — an inline object
 * schema with exactly a component's members — becomes a reference to the component. (WildFly writes references.)
 */
final class InlineCopies {

    private static final String PREFIX = "#/components/schemas/";

    private InlineCopies() {
    }

    static void referToComponents(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<Set<String>, String> componentByMembers = new HashMap<>();
        openAPI.getComponents().getSchemas().forEach((name, schema) -> {
            if (schema.getProperties() != null && !schema.getProperties().isEmpty()) {
                componentByMembers.putIfAbsent(Set.copyOf(schema.getProperties().keySet()), name);
            }
        });
        UsedSchemas.operationSchemas(openAPI).forEach(schema -> {
            String component = schema.getRef() != null || schema.getProperties() == null ? null
                    : componentByMembers.get(Set.copyOf(schema.getProperties().keySet()));
            if (component != null) {
                asReference(schema, component);
            }
        });
    }

    /** The schema object stays (its parent holds it); it only points at the component now. */
    private static void asReference(Schema schema, String component) {
        schema.setProperties(null);
        schema.setRequired(null);
        schema.setDescription(null);
        schema.setExample(null);
        try {
            Schema.class.getMethod("setType", Schema.SchemaType.class).invoke(schema, (Object) null);
        } catch (NoSuchMethodException newerApi) {
            // 4.0 (WildFly) writes references already
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot clear the type of a schema", e);
        }
        schema.setRef(PREFIX + component);
    }
}
