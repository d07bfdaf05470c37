package com.subscriptions.fuzz;

import com.subscriptions.ApiClient;
import com.subscriptions.IntegrationTest;
import com.subscriptions.TestDatabase;
import com.subscriptions.TestUsers;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated bad requests over every operation of the live {@code /openapi} document (seeded, so a failure
 * reproduces): wrong path and query values, bodies with wrong types, out-of-range numbers, bad JSON, odd
 * content types and methods, with no token, a user's or (for reads and the plan catalogue) an admin's. Every
 * answer must be below 500; every 4xx the application gives is problem+json; and a refused write changes nothing.
 */
class FuzzIT extends IntegrationTest {

    private static final long SEED = Long.getLong("fuzz.seed", 20261201L);
    private static final int REQUESTS = Integer.getInteger("fuzz.requests", 2000);

    // No encoded NUL (%00) in paths: the HTTP listener refuses it before the application (an empty 400).
    private static final String[] VERSIONS = {"v1", "v2", "v3", "v0", "V1", "v1%20", "..", "v9999999999"};
    private static final String[] IDS = {"0", "-1", "1", "2", "99999999999999999999", "abc", "1.5", "1e3", "%20",
            "%2F", "0x10", "' OR 1=1 --"};
    private static final String[] SCALARS = {"\"\"", "\" 1 \"", "\"yes\"", "1e308", "-1", "0", "18446744073709551618",
            "[1, 2]", "{}", "null", "true", "false", "1.5", "-2147483649", "\"2026-13-45\"", "\"\\u0000\"",
            "\"" + "x".repeat(300) + "\"", "[]", "\"<script>\"", "-0", "1E+2", "\"NaN\""};
    private static final String[] NOT_JSON = {"{", "[]", "null", "\"text\"", "{\"a\":}", "{'a':1}", "\u0000\u0001",
            "[".repeat(300), "{\"a\":1,\"a\":2}", ""};
    private static final String[] CONTENT_TYPES = {"application/json", "application/json", "application/json",
            "text/plain", "application/xml", "application/x-www-form-urlencoded", null};
    /** Methods the application answers (unknown ones never reach it: the HTTP listener refuses them, 501). */
    private static final String[] ODD_METHODS = {"PATCH", "OPTIONS", "HEAD", "PUT", "DELETE", "POST", "TRACE"};

    private final Random random = new Random(SEED);
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Operation(String method, String path, List<String> queryParameters, List<String> bodyFields) {
    }

    @Test
    void badRequestsGetProblemDetailsAndChangeNothing() throws Exception {
        JsonObject document = Json.createReader(new StringReader(send("GET", "/openapi", null, null, null)
                .body())).readObject();
        List<Operation> operations = operations(document);
        assertThat(operations).hasSizeGreaterThan(30);
        String user = TestUsers.login(TestUsers.register()).access();
        String admin = TestUsers.admin().tokens().access();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < REQUESTS && failures.size() < 10; i++) {
            Operation operation = operations.get(random.nextInt(operations.size()));
            String method = random.nextInt(12) == 0 ? pick(ODD_METHODS) : operation.method();
            String token = token(method, operation, user, admin);
            String body = method.equals("GET") || method.equals("HEAD") ? null : body(operation);
            String contentType = body == null ? null : pick(CONTENT_TYPES);
            String target = path(operation) + query(operation);
            boolean writes = !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
            String before = writes ? snapshot() : null;
            HttpResponse<String> answer = send(method, target, token, contentType, body);
            String what = "#" + i + " " + method + " " + target + " body=" + abbreviate(body) + " -> "
                    + answer.statusCode() + " " + abbreviate(answer.body());
            if (answer.statusCode() >= 500) {
                failures.add("5xx: " + what);
            } else if (answer.statusCode() >= 400 && !method.equals("HEAD") && !answer.headers()
                    .firstValue("Content-Type").orElse("").contains("application/problem+json")) {
                failures.add("not problem+json: " + what);
            } else if (writes && answer.statusCode() >= 400 && !snapshot().equals(before)) {
                failures.add("refused but changed state: " + what);
            }
        }
        assertThat(failures).as("seed " + SEED).isEmpty();
    }

    private static List<Operation> operations(JsonObject document) {
        List<Operation> operations = new ArrayList<>();
        JsonObject schemas = document.getJsonObject("components").getJsonObject("schemas");
        document.getJsonObject("paths").forEach((path, item) -> item.asJsonObject().forEach((method, value) -> {
            if (path.contains("test-probe") || !value.getValueType().equals(JsonValue.ValueType.OBJECT)) {
                return; // the tests' own probe routes answer 500 on purpose
            }
            JsonObject operation = value.asJsonObject();
            List<String> query = operation.getJsonArray("parameters") == null ? List.of()
                    : operation.getJsonArray("parameters").stream().map(JsonValue::asJsonObject)
                    .filter(p -> "query".equals(p.getString("in", ""))).map(p -> p.getString("name")).toList();
            operations.add(new Operation(method.toUpperCase(), path, query, bodyFields(operation, schemas)));
        }));
        return operations;
    }

    /** The JSON names of the request body's properties, as far as the document tells them. */
    private static List<String> bodyFields(JsonObject operation, JsonObject schemas) {
        if (!operation.containsKey("requestBody")) {
            return List.of();
        }
        String body = operation.getJsonObject("requestBody").toString();
        int ref = body.indexOf("#/components/schemas/");
        if (ref < 0) {
            return List.of("value");
        }
        String name = body.substring(ref + 21, body.indexOf('"', ref + 21));
        JsonObject schema = schemas.getJsonObject(name);
        return schema == null || !schema.containsKey("properties") ? List.of("value")
                : schema.getJsonObject("properties").keySet().stream()
                .map(property -> property.replaceAll("([A-Z])", "_$1").toLowerCase()).toList();
    }

    /** Reads with any token; writes with none or a user's, except the plan catalogue's, which admins fuzz. */
    private String token(String method, Operation operation, String user, String admin) {
        int choice = random.nextInt(3);
        boolean adminMayFuzz = method.equals("GET") || (operation.path().startsWith("/api/{version}/plans")
                && (method.equals("POST") || method.equals("PUT")));
        return choice == 0 ? null : choice == 1 || !adminMayFuzz ? user : admin;
    }

    private String path(Operation operation) {
        String path = operation.path();
        while (path.contains("{")) {
            int open = path.indexOf('{');
            int close = path.indexOf('}', open);
            String name = path.substring(open + 1, close);
            String value = name.equals("version") ? pick(VERSIONS) : pick(IDS);
            path = path.substring(0, open) + value.replace(" ", "%20").replace("'", "%27").replace("=", "%3D")
                    + path.substring(close + 1);
        }
        return path;
    }

    private String query(Operation operation) {
        List<String> parameters = new ArrayList<>(operation.queryParameters());
        parameters.add("_debug");
        String query = parameters.stream().filter(p -> random.nextBoolean())
                .map(p -> p + "=" + URLEncoder.encode(unquoted(pick(SCALARS)), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return query.isEmpty() ? "" : "?" + query;
    }

    private String body(Operation operation) {
        int kind = random.nextInt(10);
        if (kind == 0) {
            return pick(NOT_JSON);
        }
        List<String> fields = new ArrayList<>(operation.bodyFields().isEmpty() ? List.of("value")
                : operation.bodyFields());
        if (kind == 1) {
            fields.add("unknown_" + random.nextInt(100));
        }
        return fields.stream().filter(f -> kind == 2 || random.nextInt(4) != 0)
                .map(f -> "\"" + f + "\":" + pick(SCALARS)).collect(Collectors.joining(",", "{", "}"));
    }

    private HttpResponse<String> send(String method, String target, String token, String contentType, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ApiClient.BASE_URI + target))
                .timeout(Duration.ofSeconds(30)).header("Accept", "application/json")
                .header("X-Forwarded-For", "10.77." + random.nextInt(256) + "." + (1 + random.nextInt(254)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** What a refused write must not change: the rows and last changes of every table a write touches. */
    private static String snapshot() throws Exception {
        try (Connection db = TestDatabase.connect(); Statement statement = db.createStatement();
             ResultSet row = statement.executeQuery("SELECT (SELECT COUNT(*) FROM users), (SELECT MAX(updated_at) "
                     + "FROM users), (SELECT COUNT(*) FROM subscription_plans), (SELECT MAX(updated_at) FROM "
                     + "subscription_plans), (SELECT COUNT(*) FROM user_subscriptions), (SELECT MAX(updated_at) FROM "
                     + "user_subscriptions), (SELECT COUNT(*) FROM subscription_events), (SELECT COUNT(*) FROM "
                     + "refresh_tokens), (SELECT COUNT(*) FROM idempotency_keys)")) {
            row.next();
            StringBuilder state = new StringBuilder();
            for (int column = 1; column <= 9; column++) {
                state.append(row.getString(column)).append('|');
            }
            return state.toString();
        }
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String unquoted(String json) {
        return json.startsWith("\"") && json.endsWith("\"") && json.length() > 1 ? json.substring(1, json.length() - 1)
                : json;
    }

    private static String abbreviate(String text) {
        return text == null ? "null" : text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }
}
