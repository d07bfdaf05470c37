package com.subscriptions.contract;

import com.subscriptions.IntegrationTest;
import com.subscriptions.TestUsers;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static com.subscriptions.ApiClient.api;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SQL statements per read request, counted by the server (profiling, {@code ?_debug=true}): v2 and v3 read in at
 * most one statement, a v3 cache hit in none, v1 in at most two whatever the page size. The counts (v3 first with
 * its caches cleared, then again) are written to {@value #REPORT}, and the README's table must say the same: the
 * test fails when it does not, and never rewrites the README itself (unless a person asks with
 * {@code -Dupdate.readme=true}).
 */
class StatementBudgetIT extends IntegrationTest {

    /** The read routes whose counts the README's table shows. */
    private static final List<String> BUDGETED_ROUTES = List.of("/plans", "/plans/2", "/subscriptions/active",
            "/subscriptions/history", "/subscriptions/history?status=canceled", "/subscriptions/events",
            "/subscriptions/expiring?days=365", "/subscriptions/stats", "/plans?cursor=",
            "/subscriptions/history?cursor=&per_page=2", "/subscriptions/events?cursor=",
            "/subscriptions/expiring?days=365&cursor=");
    private static final String HEADER = "| read route | v1 | v2 | v3 (first) | v3 (again) |\n|---|---|---|---|---|\n";
    /** Route → its row of the table, in route order. */
    private static final Map<String, String> TABLE = new TreeMap<>();
    private static final Path README = Path.of("README.md");
    private static final String REPORT = "target/statement-budgets.md";
    private static final ReadmeSection SECTION = new ReadmeSection("statement-counts");

    private static String user;
    private static String admin;

    @BeforeAll
    static void aUserWithAHistory() {
        // Profiling answers admins only: the user whose reads are profiled has the role.
        user = TestUsers.login(TestUsers.registerAdmin()).access();
        admin = TestUsers.admin().tokens().access();
        for (long plan : new long[]{2, 3}) {
            api(user).contentType("application/json").body(Map.of("plan_id", plan)).post("/api/v1/subscriptions")
                    .then().statusCode(201);
            api(user).contentType("application/json").body(Map.of("at_period_end", false))
                    .post("/api/v1/subscriptions/cancel").then().statusCode(200);
        }
        api(user).contentType("application/json").body(Map.of("plan_id", 4)).post("/api/v1/subscriptions")
                .then().statusCode(201);
        // The expiring list is never empty, whichever tests ran before: one subscription ends at its period's end.
        String leaving = TestUsers.login(TestUsers.register()).access();
        api(leaving).contentType("application/json").body(Map.of("plan_id", 2)).post("/api/v1/subscriptions")
                .then().statusCode(201);
        api(leaving).contentType("application/json").body(Map.of()).post("/api/v1/subscriptions/cancel")
                .then().statusCode(200);
    }

    private static ExtractableResponse<Response> profiled(String token, String version, String route) {
        String url = "/api/" + version + route + (route.contains("?") ? "&" : "?") + "_debug=true";
        return api(token).get(url).then().statusCode(200).extract();
    }

    private static int count(String token, String version, String route) {
        ExtractableResponse<Response> answer = profiled(token, version, route);
        int count = Integer.parseInt(answer.header("X-Query-Count"));
        assertThat(answer.jsonPath().getInt("_debug.query_count")).isEqualTo(count);
        return count;
    }

    private static String tokenFor(String route) {
        if (route.startsWith("/plans")) {
            return admin;
        }
        return route.contains("expiring") || route.contains("stats") ? admin : user;
    }

    static Stream<String> budgetedRoutes() {
        return BUDGETED_ROUTES.stream();
    }

    @ParameterizedTest
    @MethodSource("budgetedRoutes")
    void eachVersionStaysWithinItsBudget(String route) {
        String token = tokenFor(route);
        int v1 = count(token, "v1", route);
        int v2 = count(token, "v2", route);
        api(admin).delete("/api/admin/caches").then().statusCode(204);
        int v3 = count(token, "v3", route);
        int v3Again = count(token, "v3", route);
        assertThat(v1).as("v1 " + route).isBetween(1, 2);
        assertThat(v2).as("v2 " + route).isEqualTo(1);
        assertThat(v3).as("v3 " + route).isLessThanOrEqualTo(1);
        assertThat(v3Again).as("v3 again " + route).isLessThanOrEqualTo(v3);
        TABLE.put(route, "| `" + route + "` | " + v1 + " | " + v2 + " | " + v3 + " | " + v3Again + " |");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/plans", "/plans/2", "/subscriptions/active", "/subscriptions/history"})
    void aV3CacheHitRunsNoStatement(String route) {
        String token = tokenFor(route);
        count(token, "v3", route);
        assertThat(count(token, "v3", route)).as(route).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v2", "v3"})
    void theCountDoesNotGrowWithThePageSize(String version) {
        for (String route : List.of("/subscriptions/history?status=active,canceled", "/subscriptions/events",
                "/subscriptions/expiring?days=365")) {
            String token = tokenFor(route);
            assertThat(count(token, version, route + (route.contains("?") ? "&" : "?") + "per_page=100"))
                    .as(version + route).isEqualTo(count(token, version, route + (route.contains("?") ? "&" : "?")
                            + "per_page=1"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v2", "v3"})
    void keysetPagesCountNothing(String version) {
        ExtractableResponse<Response> answer = profiled(user, version, "/subscriptions/events?cursor=&per_page=1");
        List<String> statements = answer.jsonPath().getList("_debug.statements.sql");
        assertThat(statements).isNotEmpty().noneMatch(sql -> sql.toLowerCase().contains("count("));
    }

    @Test
    void profilingChangesNeitherStatusNorPayload() {
        String plain = api(user).get("/api/v2/subscriptions/history").then().statusCode(200).extract().asString();
        ExtractableResponse<Response> profiled = profiled(user, "v2", "/subscriptions/history");
        assertThat(profiled.header("Server-Timing")).matches("db;dur=[0-9.]+, app;dur=[0-9.]+");
        assertThat(profiled.jsonPath().getList("_debug.statements.rows")).containsExactly(3);
        String withoutDebug = profiled.asString().replaceFirst(",\"_debug\":\\{.*}}$", "}");
        assertThat(withoutDebug).isEqualTo(plain);
        api(user).get("/api/v2/subscriptions/history?_debug=false").then().header("X-Query-Count",
                org.hamcrest.Matchers.nullValue());
    }

    /**
     * Writes the measured table to {@value #REPORT} and holds the README's table to it: after a full run the two
     * must be identical; after a run of some routes only (a filtered run, or a route over its budget) each measured
     * row must be the README's. With {@code -Dupdate.readme=true} (for people, never in CI) the README's table is
     * replaced by the measured one instead.
     */
    @AfterAll
    static void theReadmeTableIsWhatTheServerCounted() throws IOException {
        if (TABLE.isEmpty()) {
            return;
        }
        String measured = HEADER + String.join("\n", TABLE.values()) + "\n";
        Path report = Path.of(REPORT);
        Files.createDirectories(report.getParent());
        Files.writeString(report, measured);
        boolean complete = TABLE.keySet().containsAll(BUDGETED_ROUTES);
        String readme = Files.readString(README);
        if (Boolean.getBoolean("update.readme")) {
            assertThat(complete).as("-Dupdate.readme=true needs every route of the table measured; measured: "
                    + TABLE.keySet()).isTrue();
            Files.writeString(README, SECTION.replace(readme, measured));
            System.out.println("README.md: statement-counts table updated from " + REPORT);
            return;
        }
        String documented = SECTION.in(readme);
        String howToUpdate = "README.md's table of statements per read route (between " + SECTION.start() + " and "
                + SECTION.end() + ") is not what the server counted in this run. If the new counts are right, "
                + "replace the table in README.md with " + REPORT + ", or run the integration tests again with "
                + "-Dupdate.readme=true";
        if (complete) {
            assertThat(documented).as(howToUpdate).isEqualTo(measured);
        } else {
            assertThat(documented.lines().toList()).as(howToUpdate).containsAll(TABLE.values());
        }
    }
}
