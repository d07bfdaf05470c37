package com.subscriptions.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * <a href="https://github.com/wg/wrk">wrk</a> as the load generator ({@code apt-get install wrk}): one event-loop
 * thread holds all the connections and costs a few per cent of a core at these rates, where the JDK client the
 * benchmark used before took about half of the two cores it shares with the server. A route with tokens sends
 * each request with the next of them in turn.
 */
final class Wrk {

    /** What {@link #SCRIPT_END}'s {@code done} prints: requests, microseconds, errors, p50 µs, p99 µs. */
    private static final String RESULT = "RESULT ";
    private static final String SCRIPT_END = """
            done = function(summary, latency, requests)
              local e = summary.errors
              io.write(string.format("RESULT %.0f %.0f %.0f %.0f %.0f\\n", summary.requests, summary.duration,
                e.connect + e.read + e.write + e.status + e.timeout, latency:percentile(50), latency:percentile(99)))
            end
            """;

    private final String base;
    private final int connections;

    Wrk(String base, int connections) {
        this.base = base;
        this.connections = connections;
    }

    /** Fails at once, with what to do, where wrk is not installed. */
    static void requireInstalled() {
        try {
            new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start().waitFor();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("The benchmark's load generator is wrk: install it (Debian/Ubuntu: "
                    + "apt-get install wrk) and run again", e);
        }
    }

    /** GETs {@code path} on all connections for whole {@code seconds}; a status other than 2xx/3xx is an error. */
    LoadRun.Result get(String name, String path, List<String> tokens, int seconds)
            throws IOException, InterruptedException {
        Path script = Files.createTempFile("bench-", ".lua");
        try {
            Files.writeString(script, script(path, tokens));
            Process wrk = new ProcessBuilder("wrk", "-t1", "-c" + connections, "-d" + seconds + "s", "--timeout",
                    "10s", "-s", script.toString(), base).redirectErrorStream(true).start();
            String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (wrk.waitFor() != 0) {
                throw new IllegalStateException("wrk failed on " + path + ": " + output);
            }
            return result(name, output);
        } finally {
            Files.deleteIfExists(script);
        }
    }

    /**
     * Every request is prepared once, at the start (one per token; anonymous: one without): each then costs wrk a
     * table lookup, the same with a token as without, so that the generator's own cost does not differ between a
     * route and its ceiling. Prepared in {@code init}, where wrk has set the {@code Host} header.
     */
    static String script(String path, List<String> tokens) {
        String headers = tokens.isEmpty() ? "{{}}" : tokens.stream()
                .map(t -> "{[\"Authorization\"] = " + lua("Bearer " + t) + "}")
                .collect(Collectors.joining(", ", "{", "}"));
        return "local headers = " + headers + "\nlocal requests = {}\nlocal n = 0\n"
                + "init = function(args)\n  for i, h in ipairs(headers) do\n"
                + "    requests[i] = wrk.format(\"GET\", " + lua(path) + ", h)\n  end\nend\n"
                + "request = function()\n  n = n + 1\n  return requests[n % #requests + 1]\nend\n"
                + SCRIPT_END;
    }

    /** The figures of the script's {@code RESULT} line. */
    static LoadRun.Result result(String name, String output) {
        String line = output.lines().filter(l -> l.startsWith(RESULT)).findFirst()
                .orElseThrow(() -> new IllegalStateException("wrk printed no result: " + output));
        String[] figures = line.substring(RESULT.length()).trim().split("\\s+");
        List<Double> values = new ArrayList<>();
        for (String figure : figures) {
            values.add(Double.parseDouble(figure));
        }
        return new LoadRun.Result(name, values.get(0).longValue(), values.get(2).longValue(), values.get(1) / 1e6,
                values.get(3) / 1e3, values.get(4) / 1e3);
    }

    private static String lua(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "wrk, 1 thread, %d connections", connections);
    }
}
