package com.subscriptions.bench;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code docs/query-plans.md}: every read route of every version run once with {@code ?_debug=explain} (v3 with its
 * caches cleared first, so that its statements run), each statement with the plan the database chose for it.
 * Full scans of tables other than the small plan catalogue are flagged.
 */
final class QueryPlansReport {

    /** A route to explain: its name and its path under the version. */
    record Route(String name, String path) {
    }

    private static final List<String> COLUMNS = List.of("id", "select_type", "table", "type", "key", "rows", "Extra");

    private final Api api;
    private final String admin;

    QueryPlansReport(Api api, String admin) {
        this.api = api;
        this.admin = admin;
    }

    Path write(Path directory, List<String> versions, List<Route> routes) throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder();
        List<String> fullScans = new ArrayList<>();
        for (Route route : routes) {
            body.append("\n## ").append(route.name()).append("\n");
            for (String version : versions) {
                api.send(api.delete("/api/admin/caches", admin));
                String path = "/api/" + version + route.path();
                // Plans are shown to admins only: every route is explained as the admin, who holds a subscription.
                JsonObject answer = api.json(api.get(Api.debugged(path, "explain"), admin), 200);
                JsonArray statements = answer.getJsonObject("_debug").getJsonArray("statements");
                body.append("\n### ").append(version).append(" `GET ").append(path).append("` — ")
                        .append(statements.size()).append(statements.size() == 1 ? " statement\n" : " statements\n");
                for (JsonValue value : statements) {
                    JsonObject statement = value.asJsonObject();
                    body.append("\n```sql\n").append(statement.getString("sql")).append("\n```\n\n| ")
                            .append(String.join(" | ", COLUMNS)).append(" |\n|")
                            .append("---|".repeat(COLUMNS.size())).append("\n");
                    for (JsonValue step : statement.getJsonArray("plan")) {
                        Map<String, JsonValue> row = step.asJsonObject();
                        body.append("| ");
                        for (String column : COLUMNS) {
                            body.append(text(row.get(column))).append(" | ");
                        }
                        body.append("\n");
                        String table = text(row.get("table"));
                        if (FullScans.ofAGrowingTable(table, text(row.get("type")))) {
                            fullScans.add(version + " " + route.name() + ": " + table);
                        }
                    }
                }
            }
        }
        String header = "# Query plans\n\nWritten by `mvn -Pbench -Dexec.args=plans` (also part of the benchmark run) on "
                + ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"))
                + " against the running service and its data. Each read route of each version was called once with "
                + "`?_debug=explain`: the server lists the statements it ran and the database's `EXPLAIN` of each, "
                + "with the same parameters. `_debug` answers admins only: every route was called by the benchmark's "
                + "admin, who holds a subscription of its own (a user's routes read the admin's rows; the plans "
                + "are those of any user). v3's caches were cleared before each call, so its statements ran.\n\n"
                + (fullScans.isEmpty() ? "No statement scans a whole table other than the plan catalogue.\n"
                : "Full scans of tables other than the plan catalogue:\n\n- " + String.join("\n- ", fullScans) + "\n");
        Files.createDirectories(directory);
        Path file = directory.resolve("query-plans.md");
        Files.writeString(file, header + body);
        return file;
    }

    private static String text(JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return "";
        }
        return value.getValueType() == JsonValue.ValueType.STRING ? ((jakarta.json.JsonString) value).getString()
                .replace("|", "\\|") : value.toString();
    }
}
