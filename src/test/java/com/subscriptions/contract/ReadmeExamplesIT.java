package com.subscriptions.contract;

import com.subscriptions.ApiClient;
import com.subscriptions.IntegrationTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The README's examples, run as a reader pastes them: every fenced bash block of README.md that calls the service
 * with curl is read from the README itself, pointed at the tested server, run by bash and must print what the
 * README says it prints. A block that is not run is listed in {@link #NOT_RUN} with the reason; a new block is
 * either run, with what it must print added to {@link #EXPECTED}, or listed there.
 */
class ReadmeExamplesIT extends IntegrationTest {

    private static final Path README = Path.of("README.md");
    /** Where the README's examples find the service: the run command's port. */
    private static final String README_SERVER = "http://localhost:8080";
    private static final long TIMEOUT_SECONDS = 60;
    /** The line the .curlrc of {@link #run} makes curl write to stderr after each request. */
    private static final Pattern STATUS_LINE = Pattern.compile("(?m)^HTTP (\\d{3})$");

    /** The blocks not run, each named by a text that only it contains, with the reason. */
    private static final Map<String, String> NOT_RUN = Map.of(
            "npx @redocly/cli", "the OpenAPI lint: its linters are npm packages that npx downloads when run (Node.js "
                    + "20+ and the npm registry, which the build does not bring), they report the findings the README "
                    + "lists (so the block exits non-zero by design), and it writes openapi.json and .spectral.yaml "
                    + "into the working directory");

    /** What each block that is run must print, keyed by a text that only it contains. */
    private static final Map<String, Consumer<Output>> EXPECTED = Map.of(
            "curl -s http://localhost:8080/api/v1/plans/ | jq", ReadmeExamplesIT::quickStart,
            "fields=id,name,price", ReadmeExamplesIT::keysetPagingAndSparseFields,
            "_debug=true", ReadmeExamplesIT::profiling,
            "/auth/register", ReadmeExamplesIT::originalServiceWalk,
            "per_page=500", ReadmeExamplesIT::pagesFiltersAndMistakes);

    /** A fenced bash block of the README that calls the service with curl, and the line of its opening fence. */
    record Example(int line, String script) {

        boolean contains(String text) {
            return script.contains(text);
        }

        /** The script as it runs here: against the tested server, without the lines that open a browser. */
        String runnable() {
            return script.lines().filter(line -> !line.startsWith("open "))
                    .map(line -> line.replace(README_SERVER, ApiClient.BASE_URI))
                    .collect(Collectors.joining("\n", "", "\n"));
        }

        @Override
        public String toString() {
            return "README.md:" + line + " " + script.lines().findFirst().orElseThrow();
        }
    }

    /** What a block printed: its exit status, its output, and its error output with curl's status lines. */
    record Output(int exitStatus, String stdout, String stderr) {

        /** The HTTP status of each curl request, in the order they were made. */
        List<Integer> statuses() {
            return STATUS_LINE.matcher(stderr).results().map(status -> Integer.valueOf(status.group(1))).toList();
        }

        /** The values printed: an object or array that jq spread over lines is one, any other line is one. */
        List<String> values() {
            List<String> values = new ArrayList<>();
            StringBuilder open = null;
            for (String line : stdout.lines().toList()) {
                if (open != null) {
                    open.append('\n').append(line);
                    if (line.equals("}") || line.equals("]")) {
                        values.add(open.toString());
                        open = null;
                    }
                } else if (line.equals("{") || line.equals("[")) {
                    open = new StringBuilder(line);
                } else {
                    values.add(line);
                }
            }
            return values;
        }

        JsonPath json(int index) {
            return JsonPath.from(values().get(index));
        }

        List<Map<String, Object>> objects() {
            return values().stream().filter(value -> value.startsWith("{"))
                    .map(value -> JsonPath.from(value).<String, Object>getMap("$")).toList();
        }

        @Override
        public String toString() {
            return "exit status " + exitStatus + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    static List<Example> readmeExamples() throws IOException {
        List<String> lines = Files.readAllLines(README);
        List<Example> examples = new ArrayList<>();
        int fence = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (fence < 0 && lines.get(i).equals("```bash")) {
                fence = i;
            } else if (fence >= 0 && lines.get(i).equals("```")) {
                String script = String.join("\n", lines.subList(fence + 1, i)) + "\n";
                if (script.contains("curl ") && script.contains(README_SERVER)) {
                    examples.add(new Example(fence + 1, script));
                }
                fence = -1;
            }
        }
        return examples;
    }

    static Stream<Example> examplesToRun() throws IOException {
        return readmeExamples().stream().filter(example -> NOT_RUN.keySet().stream().noneMatch(example::contains));
    }

    @Test
    void everyExampleIsRunOrLeftOutForAReason() throws IOException {
        List<Example> examples = readmeExamples();
        NOT_RUN.forEach((name, reason) -> assertThat(examples).as("the README example left out, " + reason)
                .filteredOn(example -> example.contains(name)).hasSize(1));
        for (String name : EXPECTED.keySet()) {
            assertThat(examples).as("README examples containing " + name).filteredOn(example -> example.contains(name))
                    .hasSize(1);
        }
        List<String> names = Stream.concat(NOT_RUN.keySet().stream(), EXPECTED.keySet().stream()).toList();
        for (Example example : examples) {
            assertThat(names).as(example + ": run (say in EXPECTED what it prints) or left out (in NOT_RUN, saying "
                    + "why)").filteredOn(example::contains).hasSize(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examplesToRun")
    void printsWhatTheReadmeSays(Example example, @TempDir Path curlHome) throws IOException, InterruptedException {
        Output output = run(example, curlHome);
        try {
            assertThat(output.exitStatus()).as("exit status").isZero();
            assertThat(output.stderr()).as("curl's errors").doesNotContain("curl: (");
            assertThat(output.values()).as("values printed (null: a jq path that found nothing)")
                    .doesNotContain("null", "");
            expectation(example).accept(output);
        } catch (AssertionError e) {
            throw new AssertionError(example + " printed:\n" + output, e);
        }
    }

    private static Consumer<Output> expectation(Example example) {
        return EXPECTED.entrySet().stream().filter(expected -> example.contains(expected.getKey()))
                .map(Map.Entry::getValue).findFirst()
                .orElseThrow(() -> new AssertionError(example + ": say in EXPECTED what it prints"));
    }

    /**
     * Runs the block in bash, failing on the first failed command, with a .curlrc of its own: one client address
     * for the block's requests (the test server trusts X-Forwarded-For from loopback; without it the blocks would
     * share loopback's per-address rate limit with every other request that names no client), curl's errors shown
     * despite {@code -s}, each answer's status written to stderr, and no proxy between curl and the tested server.
     */
    private static Output run(Example example, Path curlHome) throws IOException, InterruptedException {
        Files.writeString(curlHome.resolve(".curlrc"), String.join("\n",
                "header = \"X-Forwarded-For: " + ApiClient.randomClientAddress() + "\"",
                "show-error",
                "write-out = \"%{stderr}HTTP %{http_code}\\n\"",
                "noproxy = \"*\"", ""));
        Path stdout = curlHome.resolve("stdout");
        Path stderr = curlHome.resolve("stderr");
        ProcessBuilder bash = new ProcessBuilder("bash", "-euo", "pipefail", "-c", example.runnable())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        bash.environment().put("CURL_HOME", curlHome.toString());
        Process process = bash.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
            fail(example + " did not finish within " + TIMEOUT_SECONDS + " s; it printed:\n"
                    + Files.readString(stdout) + Files.readString(stderr));
        }
        return new Output(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
    }

    private static void quickStart(Output output) {
        assertThat(output.statuses()).containsExactly(200);
        assertThat(output.values()).hasSize(1);
        assertThat(output.json(0).getList("plans.name", String.class)).isNotEmpty().doesNotContainNull();
        assertThat(output.json(0).getInt("total")).isGreaterThanOrEqualTo(5);
    }

    private static void keysetPagingAndSparseFields(Output output) {
        assertThat(output.statuses()).containsExactly(200, 200, 200, 200);
        assertThat(output.values()).hasSize(3);
        JsonPath first = output.json(0);
        List<Integer> firstIds = first.getList("ids", Integer.class);
        assertThat(firstIds).hasSize(2);
        assertThat(first.getString("next_cursor")).isNotBlank();
        assertThat(first.getBoolean("has_more")).isTrue();
        assertThat(output.json(1).getList("$", Integer.class)).as("the next page").hasSize(2)
                .doesNotContainAnyElementsOf(firstIds);
        assertThat(output.json(2).<String, Object>getMap("$")).containsOnlyKeys("id", "name", "price");
    }

    private static void profiling(Output output) {
        assertThat(output.statuses()).containsExactly(200, 200, 200);
        List<String> values = output.values();
        assertThat(values).hasSize(3);
        assertThat(values.subList(0, 2)).as("the headers grep found")
                .anyMatch(header -> header.matches("(?i)x-query-count: \\d+"))
                .anyMatch(header -> header.matches("(?i)server-timing: db;dur=[0-9.]+, app;dur=[0-9.]+"));
        JsonPath debug = output.json(2);
        List<Map<String, Object>> statements = debug.getList("statements");
        assertThat(statements).isNotEmpty().allSatisfy(statement -> assertThat(statement)
                .containsKeys("sql", "ms", "rows"));
        assertThat(debug.getInt("query_count")).isEqualTo(statements.size());
    }

    private static void originalServiceWalk(Output output) {
        assertThat(output.statuses()).as("register, login, plans, subscribe, list, upgrade, history, events, "
                + "refresh, logout, logout again")
                .containsExactly(201, 200, 200, 201, 200, 200, 200, 200, 200, 200, 401);
        List<String> values = output.values();
        assertThat(output.json(0).getString("username")).matches("testuser-\\d+");
        assertThat(values.get(1)).as("the first plan's name").matches("\".+\"");
        List<Map<String, Object>> objects = output.objects();
        assertThat(objects).anySatisfy(subscription -> assertThat(subscription).containsOnlyKeys("id", "status",
                "plan_id").containsEntry("status", "active").containsEntry("plan_id", 1));
        assertThat(objects).anySatisfy(proration -> assertThat(proration)
                .containsOnlyKeys("credit", "charge", "net", "currency").containsEntry("currency", "USD"));
        assertThat(objects).anySatisfy(history -> assertThat(history)
                .containsKey("subscriptions").containsEntry("total", 1));
        assertThat(objects).anySatisfy(logout -> assertThat(logout)
                .containsEntry("message", "Successfully logged out"));
        assertThat(values).as("the subscriptions' total, then the events newest first")
                .containsSubsequence("1", "\"plan_changed\"", "\"subscribed\"");
        assertThat(values).as("# 401: revoked").endsWith("401");
    }

    private static void pagesFiltersAndMistakes(Output output) {
        assertThat(output.statuses()).containsExactly(200, 200, 200, 400);
        List<String> values = output.values();
        assertThat(values).hasSize(6);
        assertThat(values.subList(0, 2)).as("the second page's names").allMatch(name -> name.matches("\".+\""));
        assertThat(Integer.parseInt(values.get(2))).as("pages").isGreaterThanOrEqualTo(3);
        JsonPath plan = output.json(3);
        assertThat(plan.<String, Object>getMap("$")).containsOnlyKeys("name", "price", "interval", "features");
        assertThat(plan.getString("name")).isEqualTo("Pro Plan");
        assertThat(plan.getString("interval")).isEqualTo("monthly");
        assertThat(plan.<String, Object>getMap("features")).isNotEmpty();
        assertThat(values.get(4)).as("deprecated plans").matches("\\d+");
        assertThat(output.json(5).<String, Object>getMap("$"))
                .isEqualTo(Map.of("per_page", "must be an integer from 1 to 100"));
    }
}
