package com.subscriptions.apidoc.boundary;

import com.subscriptions.idempotency.boundary.Idempotent;
import com.subscriptions.problem.boundary.Problem;
import com.subscriptions.versioning.boundary.VersionedPaths;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.tags.Tag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The last word on the OpenAPI document, on Payara and WildFly alike: plain path templates with the API version
 * listed, member names as JSON-B writes them, no annotation defaults posing as constraints, each tag once with its
 * description, {@code security: [{}]} (no credentials needed) on public operations, every error answer as
 * problem+json with the {@code Problem} schema, the Idempotency-Key where a route takes it, no schema that nothing
 * uses, nothing outside the standard.
 */
public class OpenApiFilter implements OASFilter {

    static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final Jsonb JSON = JsonbBuilder.create();

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        VersionedPaths.normalize(openAPI);
        openAPI.setTags(eachOnce(openAPI.getTags()));
        operations(openAPI).forEach(operation -> {
            if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
                // One requirement that asks for nothing: anyone may call. (Payara leaves an empty list out.)
                operation.setSecurity(new ArrayList<>(List.of(OASFactory.createSecurityRequirement())));
            }
            answersProblems(operation);
            examplesAsJson(operation);
            idempotencyKeyListed(operation);
        });
        UsedSchemas.everySchema(openAPI).forEach(schema -> {
            namedAsOnTheWire(schema);
            SchemaDefaults.strip(schema);
        });
        InlineCopies.referToComponents(openAPI);
        dropUnusedSchemas(openAPI);
        dropServerExtras(openAPI);
    }

    /** Payara adds a tag per resource class that names it: one each, the one with a description. */
    static List<Tag> eachOnce(List<Tag> tags) {
        if (tags == null) {
            return null;
        }
        Map<String, Tag> byName = new LinkedHashMap<>();
        for (Tag tag : tags) {
            Tag kept = byName.get(tag.getName());
            if (kept == null || kept.getDescription() == null) {
                byName.put(tag.getName(), tag);
            }
        }
        return new ArrayList<>(byName.values());
    }

    /**
     * The JSON's member names: JSON-B writes every property in snake case (JsonbConfigurator), which the servers'
     * scanners do not know; they describe the Java names.
     */
    static void namedAsOnTheWire(Schema schema) {
        if (schema.getProperties() != null) {
            Map<String, Schema> renamed = new LinkedHashMap<>();
            schema.getProperties().forEach((name, property) -> renamed.put(snakeCase(name), property));
            schema.setProperties(renamed);
        }
        if (schema.getRequired() != null) {
            schema.setRequired(new ArrayList<>(schema.getRequired().stream().map(OpenApiFilter::snakeCase).toList()));
        }
    }

    /** As JSON-B's LOWER_CASE_WITH_UNDERSCORES: {@code durationMonths} → {@code duration_months}. */
    static String snakeCase(String name) {
        StringBuilder snake = new StringBuilder(name.length() + 4);
        for (char c : name.toCharArray()) {
            if (Character.isUpperCase(c)) {
                if (!snake.isEmpty() && snake.charAt(snake.length() - 1) != '_') {
                    snake.append('_');
                }
                snake.append(Character.toLowerCase(c));
            } else {
                snake.append(c);
            }
        }
        return snake.toString();
    }

    private static Stream<Operation> operations(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return Stream.empty();
        }
        return openAPI.getPaths().getPathItems().values().stream()
                .flatMap(item -> item.getOperations().values().stream());
    }

    private static void answersProblems(Operation operation) {
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return;
        }
        operation.getResponses().getAPIResponses().forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                asProblem(response);
            }
        });
    }

    /** An operation marked {@link Idempotent#OPENAPI_MARK} takes the Idempotency-Key header. */
    private static void idempotencyKeyListed(Operation operation) {
        if (operation.getExtensions() != null && operation.getExtensions().containsKey(Idempotent.OPENAPI_MARK)) {
            operation.removeExtension(Idempotent.OPENAPI_MARK);
            operation.addParameter(OASFactory.createParameter().ref("IdempotencyKey"));
        }
    }

    /** Payara writes an {@code @ExampleObject}'s JSON value as a string; an example body is the JSON itself. */
    private static void examplesAsJson(Operation operation) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null
                || operation.getRequestBody().getContent().getMediaTypes() == null) {
            return;
        }
        operation.getRequestBody().getContent().getMediaTypes().values().stream()
                .filter(media -> media.getExamples() != null)
                .flatMap(media -> media.getExamples().values().stream())
                .filter(example -> example.getValue() instanceof String text && text.strip().matches("(?s)[\\[{].*"))
                .forEach(example -> example.setValue(JSON.fromJson((String) example.getValue(), Object.class)));
    }

    private static void asProblem(APIResponse response) {
        response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF))));
    }

    private static void dropUnusedSchemas(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Set<String> used = UsedSchemas.of(openAPI);
        List.copyOf(openAPI.getComponents().getSchemas().keySet()).stream().filter(name -> !used.contains(name))
                .forEach(openAPI.getComponents()::removeSchema);
    }

    /**
     * Payara lists its context roots' paths in a non-standard top-level {@code endpoints} member (set before the
     * filters run, only reachable through its own model class; it writes no empty member).
     */
    private static void dropServerExtras(OpenAPI openAPI) {
        try {
            openAPI.getClass().getMethod("setEndpoints", Map.class).invoke(openAPI, new TreeMap<>());
        } catch (NoSuchMethodException notPayara) {
            // nothing to drop
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot drop the endpoints member", e);
        }
    }
}
