package com.subscriptions.versioning.boundary;

import com.subscriptions.versioning.control.ApiVersion;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.Paths;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * For the OpenAPI document (apidoc's filter): the routes are written once with regular-expression templates
 * ({@code {version: v1|v2|v3}}, {@code {id: [0-9]+}}); OpenAPI wants plain {@code {version}}. The version
 * parameter is documented on every operation of such a path (JAX-RS methods that do not read it would otherwise
 * leave it undeclared), listing the versions ({@link ApiVersion}).
 */
public final class VersionedPaths {

    private static final Pattern REGEX_TEMPLATE = Pattern.compile("\\{\\s*(\\w+)\\s*:[^}]*}");
    private static final String VERSION = "{version}";
    private static final List<Object> VERSIONS =
            Arrays.stream(ApiVersion.values()).map(v -> (Object) v.segment()).toList();

    private VersionedPaths() {
    }

    /** {@code {version: v1|v2|v3}/plans/{id: [0-9]+}} → {@code {version}/plans/{id}}. */
    public static String plainTemplate(String path) {
        return REGEX_TEMPLATE.matcher(path).replaceAll("{$1}");
    }

    /** Plain templates for every path, and the version parameter on each operation of a versioned path. */
    public static void normalize(OpenAPI openAPI) {
        Paths paths = openAPI.getPaths();
        if (paths == null || paths.getPathItems() == null) {
            return;
        }
        Map<String, PathItem> plain = new LinkedHashMap<>();
        paths.getPathItems().forEach((path, item) -> {
            // Payara keeps the templates as written, WildFly's SmallRye OpenAPI has already made them plain.
            String plainPath = plainTemplate(path);
            if (plainPath.contains(VERSION)) {
                item.getOperations().values().forEach(operation -> documentVersion(operation, VERSIONS));
            }
            plain.put(plainPath, item);
        });
        List.copyOf(paths.getPathItems().keySet()).forEach(paths::removePathItem);
        plain.forEach(paths::addPathItem);
    }

    private static void documentVersion(Operation operation, List<Object> versions) {
        List<Parameter> parameters = new ArrayList<>();
        parameters.add(OASFactory.createParameter().name("version").in(Parameter.In.PATH).required(true)
                .description("API version: the same routes and JSON, each read differently")
                .schema(stringTyped(OASFactory.createSchema().enumeration(versions).defaultValue(versions.get(0)))));
        if (operation.getParameters() != null) {
            operation.getParameters().stream().filter(p -> !"version".equals(p.getName())).forEach(parameters::add);
        }
        operation.setParameters(parameters);
    }

    /**
     * {@code type: string} on both servers' MicroProfile OpenAPI: 3.1 (Payara) has {@code type(SchemaType)}, 4.0
     * (WildFly, OpenAPI 3.1 documents) {@code setType(List<SchemaType>)}, and neither has the other's.
     */
    static Schema stringTyped(Schema schema) {
        try {
            try {
                Schema.class.getMethod("setType", List.class).invoke(schema, List.of(Schema.SchemaType.STRING));
            } catch (NoSuchMethodException olderApi) {
                Schema.class.getMethod("setType", Schema.SchemaType.class).invoke(schema, Schema.SchemaType.STRING);
            }
            return schema;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Unknown MicroProfile OpenAPI Schema API", e);
        }
    }
}
