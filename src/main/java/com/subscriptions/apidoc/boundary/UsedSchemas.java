package com.subscriptions.apidoc.boundary;

import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/** The component schemas that the operations use, directly or through other schemas; and walks over schemas. */
final class UsedSchemas {

    private static final String PREFIX = "#/components/schemas/";

    private final Map<String, Schema> components;
    private final Set<String> used = new HashSet<>();
    private final Deque<Schema> pending = new ArrayDeque<>();

    private UsedSchemas(Map<String, Schema> components) {
        this.components = components;
    }

    static Set<String> of(OpenAPI openAPI) {
        UsedSchemas walk = new UsedSchemas(openAPI.getComponents().getSchemas());
        operationSchemas(openAPI).forEach(walk.pending::push);
        walk.run();
        return walk.used;
    }

    /** The schemas written in the operations (not those they refer to). */
    static Stream<Schema> operationSchemas(OpenAPI openAPI) {
        return openAPI.getPaths().getPathItems().values().stream()
                .flatMap(item -> Stream.concat(item.getOperations().values().stream().flatMap(UsedSchemas::schemasOf),
                        parameterSchemas(item.getParameters())));
    }

    /** Every schema node of the document, components and operations, each nested one included. */
    static Stream<Schema> everySchema(OpenAPI openAPI) {
        Stream<Schema> components = openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null
                ? Stream.empty() : openAPI.getComponents().getSchemas().values().stream();
        return Stream.concat(components, operationSchemas(openAPI)).flatMap(UsedSchemas::withDescendants);
    }

    private static Stream<Schema> withDescendants(Schema schema) {
        return Stream.concat(Stream.of(schema), children(schema).filter(Objects::nonNull)
                .flatMap(UsedSchemas::withDescendants));
    }

    private static Stream<Schema> schemasOf(Operation operation) {
        Stream<Schema> body = operation.getRequestBody() == null ? Stream.empty()
                : contentSchemas(operation.getRequestBody().getContent());
        Stream<Schema> answers = operation.getResponses() == null || operation.getResponses().getAPIResponses() == null
                ? Stream.empty()
                : operation.getResponses().getAPIResponses().values().stream()
                        .flatMap(response -> contentSchemas(response.getContent()));
        return Stream.of(parameterSchemas(operation.getParameters()), body, answers).flatMap(s -> s);
    }

    private static Stream<Schema> parameterSchemas(List<Parameter> parameters) {
        return parameters == null ? Stream.empty()
                : parameters.stream().flatMap(p -> Stream.concat(Stream.ofNullable(p.getSchema()),
                        contentSchemas(p.getContent())));
    }

    private static Stream<Schema> contentSchemas(Content content) {
        return content == null || content.getMediaTypes() == null ? Stream.empty()
                : content.getMediaTypes().values().stream().map(m -> m.getSchema()).filter(Objects::nonNull);
    }

    private void run() {
        while (!pending.isEmpty()) {
            Schema schema = pending.pop();
            String ref = schema.getRef();
            if (ref != null && ref.startsWith(PREFIX)) {
                String name = ref.substring(PREFIX.length());
                if (used.add(name) && components.get(name) != null) {
                    pending.push(components.get(name));
                }
            }
            children(schema).filter(Objects::nonNull).forEach(pending::push);
        }
    }

    private static Stream<Schema> children(Schema schema) {
        return Stream.of(
                schema.getProperties() == null ? Stream.<Schema>empty() : schema.getProperties().values().stream(),
                Stream.ofNullable(schema.getItems()),
                Stream.ofNullable(schema.getAdditionalPropertiesSchema()),
                Stream.ofNullable(schema.getNot()),
                listed(schema.getAllOf()), listed(schema.getAnyOf()), listed(schema.getOneOf()))
                .flatMap(s -> s);
    }

    private static Stream<Schema> listed(List<Schema> schemas) {
        return schemas == null ? Stream.empty() : schemas.stream();
    }
}
