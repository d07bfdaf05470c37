package com.subscriptions.platform.boundary;

import com.subscriptions.platform.control.ApiVersion;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.Paths;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The routes are written once with regular-expression templates ({@code {version: v1|v2}}, {@code {id: [0-9]+}});
 * OpenAPI wants plain {@code {version}}. The version parameter is documented as the list of versions.
 */
public class OpenApiPathsFilter implements OASFilter {

    private static final Pattern REGEX_TEMPLATE = Pattern.compile("\\{\\s*(\\w+)\\s*:[^}]*}");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Paths paths = openAPI.getPaths();
        if (paths == null || paths.getPathItems() == null) {
            return;
        }
        Map<String, PathItem> plain = new LinkedHashMap<>();
        paths.getPathItems().forEach((path, item) -> plain.put(REGEX_TEMPLATE.matcher(path).replaceAll("{$1}"), item));
        List.copyOf(paths.getPathItems().keySet()).forEach(paths::removePathItem);
        plain.forEach(paths::addPathItem);
    }

    @Override
    public Parameter filterParameter(Parameter parameter) {
        if ("version".equals(parameter.getName()) && parameter.getIn() == Parameter.In.PATH) {
            parameter.setDescription("API version: the same routes and JSON, each read differently");
            parameter.setSchema(OASFactory.createSchema().type(Schema.SchemaType.STRING)
                    .enumeration(Arrays.stream(ApiVersion.values()).map(v -> (Object) v.segment()).toList()));
        }
        return parameter;
    }
}
