package com.subscriptions.apidoc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.subscriptions.IntegrationTest;
import com.subscriptions.TestServer;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static com.subscriptions.ApiClient.api;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live {@code /openapi} as a client generator and the linters read it: a valid document (swagger-parser), every
 * operation documented for a client, and the document the generated client is built from
 * ({@value #SNAPSHOT}) is the live one. The live document is written to target/ for the linters that CI runs.
 */
class OpenApiDocumentIT extends IntegrationTest {

    static final String SNAPSHOT = "src/test/openapi/openapi.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private static String live;
    private static JsonNode document;

    @BeforeAll
    static void fetchTheLiveDocument() throws IOException {
        live = api().accept("application/json").get("/openapi").then().statusCode(200).extract().asString();
        document = JSON.readTree(live);
        Path written = Path.of("target", "openapi-" + (TestServer.isWildFly() ? "wildfly" : "payara") + ".json");
        Files.createDirectories(written.getParent());
        Files.writeString(written, sorted(document));
    }

    @Test
    void isAValidOpenApiDocument() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(live, null, options);
        assertThat(parsed.getMessages()).as("swagger-parser's findings").isEmpty();
        assertThat(parsed.getOpenAPI().getPaths()).isNotEmpty();
    }

    @Test
    void everyOperationIsDocumentedForAClient() {
        Set<String> ids = new HashSet<>();
        List<String> findings = new ArrayList<>();
        operations().forEach((where, operation) -> {
            String id = operation.path("operationId").asText("");
            if (id.isBlank() || !ids.add(id)) {
                findings.add(where + ": operationId missing or not unique: " + id);
            }
            if (operation.path("description").asText("").isBlank()) {
                findings.add(where + ": no description");
            }
            if (!operation.has("security")) {
                findings.add(where + ": says nothing about security");
            }
            if (!answers(operation, "2")) {
                findings.add(where + ": no 2xx answer");
            }
            if (!answers(operation, "4")) {
                findings.add(where + ": no 4xx answer");
            }
            operation.path("responses").fields().forEachRemaining(answer -> {
                if (answer.getKey().startsWith("4") && !answer.getValue().path("content")
                        .path("application/problem+json").path("schema").path("$ref").asText()
                        .endsWith("/Problem")) {
                    findings.add(where + ": " + answer.getKey() + " is not problem+json with the Problem schema");
                }
            });
            if (operation.has("requestBody") && !operation.path("requestBody").toString().contains("\"examples\"")) {
                findings.add(where + ": a request body without an example");
            }
        });
        assertThat(findings).isEmpty();
        assertThat(ids).contains("listPlans", "getActiveSubscription", "subscribe", "changePlan", "login");
    }

    @Test
    void eachTagIsDescribedOnce() {
        List<String> names = new ArrayList<>();
        document.path("tags").forEach(tag -> {
            names.add(tag.path("name").asText());
            assertThat(tag.path("description").asText("")).as("description of " + tag).isNotBlank();
        });
        assertThat(names).doesNotHaveDuplicates().contains("Auth", "Plans", "Subscriptions", "Admin");
        assertThat(document.has("endpoints")).as("non-standard top-level member").isFalse();
    }

    /**
     * The client that ClientWalkIT uses is generated at build time from {@value #SNAPSHOT}: on Payara it must be the
     * live document (-Dupdate.openapi=true rewrites it); WildFly writes OpenAPI 3.1, so there it must offer the same
     * operations.
     */
    @Test
    void theGeneratedClientIsBuiltFromTheLiveDocument() throws IOException {
        Path snapshot = Path.of(SNAPSHOT);
        if (Boolean.getBoolean("update.openapi") && !TestServer.isWildFly()) {
            Files.writeString(snapshot, sorted(document) + "\n");
        }
        JsonNode built = JSON.readTree(Files.readString(snapshot));
        if (TestServer.isWildFly()) {
            assertThat(operationIds(document)).isEqualTo(operationIds(built));
        } else {
            assertThat(document.equals(built)).as(SNAPSHOT + " is not the live document (target/openapi-payara.json): "
                    + "rerun the integration tests with -Dupdate.openapi=true, then rebuild the client").isTrue();
        }
    }

    /** Members in key order, so that the snapshot's diffs are the document's changes. */
    private static String sorted(JsonNode node) throws IOException {
        return JSON.writeValueAsString(JSON.treeToValue(node, Object.class));
    }

    private static Set<String> operationIds(JsonNode doc) {
        Set<String> ids = new TreeSet<>();
        doc.path("paths").forEach(item -> item.fields().forEachRemaining(method -> {
            if (METHODS.contains(method.getKey())) {
                ids.add(method.getValue().path("operationId").asText());
            }
        }));
        return ids;
    }

    private static Map<String, JsonNode> operations() {
        Map<String, JsonNode> operations = new LinkedHashMap<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(m -> {
            if (METHODS.contains(m.getKey())) {
                operations.put(m.getKey().toUpperCase() + " " + path.getKey(), m.getValue());
            }
        }));
        return operations;
    }

    private static boolean answers(JsonNode operation, String statusClass) {
        List<String> codes = new ArrayList<>();
        operation.path("responses").fieldNames().forEachRemaining(codes::add);
        return codes.stream().anyMatch(code -> code.startsWith(statusClass));
    }
}
