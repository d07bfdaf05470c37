package com.subscriptions.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the benchmark's results: {@code benchmarks.md} (method, tables, targets) and {@code benchmarks.svg}
 * (charts). Every ratio is taken within a round, against that round's ceiling of the route's kind (the trivial GET
 * with an access token for a route that sends one, without for one that does not), and shown as the median of the
 * rounds with the lowest and highest.
 */
final class BenchReport {

    private static final List<String> HOT = List.of("plan list", "plan by id", "active subscription",
            "history page 1");
    private static final Map<String, Double> TARGETS = Map.of("v1", 0.4, "v2", 0.5, "v3", 0.85);
    /** v2 may instead deliver this share of what the database itself does with its statements (issue 16). */
    private static final double V2_DATABASE_TARGET = 0.8;
    private static final List<String> VERSIONS = List.of("v1", "v2", "v3");

    private final List<Measurement> measured;
    private final List<LoadRun.Result> writes;
    private final String generator;
    private final int seconds;
    private final int window;
    private final Api api;

    BenchReport(List<Measurement> measured, List<LoadRun.Result> writes, String generator, int seconds, int window,
                Api api) {
        this.measured = measured;
        this.writes = writes;
        this.generator = generator;
        this.seconds = seconds;
        this.window = window;
        this.api = api;
    }

    Path write(Path directory) throws IOException, InterruptedException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("benchmarks.svg"), svg());
        Path markdown = directory.resolve("benchmarks.md");
        Files.writeString(markdown, markdown());
        return markdown;
    }

    private Measurement ceiling(boolean withToken) {
        return find("ceiling", withToken ? "trivial GET /api/ping with an access token" : "trivial GET /api/ping")
                .orElseThrow();
    }

    private Optional<Measurement> find(String group, String name) {
        return measured.stream().filter(m -> m.group.equals(group) && m.name.equals(name)).findFirst();
    }

    /** Against the ceiling of its kind: with a token for a route that sends one. */
    private Spread ratioToItsKind(Measurement m) {
        return Spread.of(m.ratiosTo(ceiling(m.authenticated)));
    }

    private Optional<Spread> ratioToDatabase(Measurement m) {
        return m.group.equals("v2") ? find("database", m.name).map(d -> Spread.of(m.ratiosTo(d))) : Optional.empty();
    }

    private String markdown() throws IOException, InterruptedException {
        int rounds = ceiling(false).roundCount();
        StringBuilder md = new StringBuilder("# Benchmarks\n\n");
        md.append("Written by `mvn -Pbench` (see the README) on ")
                .append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")))
                .append(".\n\n| | |\n|---|---|\n");
        md.append("| Machine | ").append(machine()).append(" |\n");
        md.append("| Server | ").append(server()).append(" |\n");
        md.append("| Load | ").append(generator).append(" (HTTP/1.1 keep-alive, closed loop) on the same machine |\n");
        md.append("| Rounds | ").append(rounds).append(", each route ").append(seconds).append(" s a round |\n");
        md.append("| Server memory after the load | ").append(heap()).append("; ").append(residentMemory())
                .append(" |\n\n");
        md.append("""
                **Method.** Every route is first warmed until it is stable: windows of %d s follow each other until \
                two in a row differ by at most %.0f %% (the warm-up column says how many it took; %d means it never \
                settled within %d). Then the rounds: each measures the trivial GET without and with an access token \
                at its start and at its end (the round's ceilings are the means of the two), and every other route \
                once in between, in an order that starts further along the list in each round. A route's ratio is \
                taken within a round against the ceiling of its kind (with a token for a route that sends one) and \
                shown as the median of the rounds with the lowest and highest. The load generator is wrk, one \
                event-loop thread, a few per cent of a core at these rates. The database's own ceiling of a v2 route \
                is the statements the server ran for it (shown to an admin by `?_debug=true`, with their \
                parameters), sent straight over JDBC by as many threads as there are connections, each on its own \
                connection: no HTTP, JAX-RS, JPA or JSON. The benchmark's admin holds a subscription so that its \
                debugged calls show a subscriber's statements; its id is replaced by the route's own user's. \
                SQL/request is the server's own count (`X-Query-Count`) of a second call by that admin after the \
                measurement, so a v3 route that is cached shows 0.

                """.formatted(window, Warmup.TOLERANCE * 100, Warmup.MAX_WINDOWS + 1, Warmup.MAX_WINDOWS));
        md.append("| Group | Route | req/s | × its kind's ceiling | × ceiling without a token | p50 ms | p99 ms | "
                + "errors | SQL/request | warm-up windows |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Measurement m : measured) {
            if (m.group.equals("database")) {
                continue;
            }
            md.append("| ").append(m.group).append(" | ").append(m.name).append(" | ")
                    .append(fmt(Spread.of(m.perSecond()).median())).append(" | ")
                    .append(ratioToItsKind(m).ratio()).append(" | ")
                    .append(m.authenticated ? Spread.of(m.ratiosTo(ceiling(false))).ratio() : "").append(" | ")
                    .append(fmt(m.p50Ms().median())).append(" | ").append(fmt(m.p99Ms().median())).append(" | ")
                    .append(m.errors()).append(" | ").append(m.statements()).append(" | ")
                    .append(m.warmupWindows()).append(" |\n");
        }
        md.append("\n## v2 against the database's own ceiling\n\n| Route | v2 req/s | database: route's statements "
                + "run straight, sets/s | statements | v2 × database |\n|---|---:|---:|---:|---:|\n");
        for (Measurement database : measured.stream().filter(m -> m.group.equals("database")).toList()) {
            Measurement v2 = find("v2", database.name).orElseThrow();
            md.append("| ").append(database.name).append(" | ").append(fmt(Spread.of(v2.perSecond()).median()))
                    .append(" | ").append(fmt(Spread.of(database.perSecond()).median())).append(" | ")
                    .append(database.statements()).append(" | ").append(ratioToDatabase(v2).orElseThrow().ratio())
                    .append(" |\n");
        }
        cpu(md);
        md.append("\n## Writes and logins\n\nMeasured once each, after the rounds, with the JDK HTTP client (a "
                + "sequence of requests per operation), for ").append(2 * seconds).append(" s after a warm-up of ")
                .append(window).append(" s.\n\n| Operation | requests/s | p50 ms (operation) | p99 ms | errors |\n"
                        + "|---|---:|---:|---:|---:|\n");
        for (LoadRun.Result write : writes) {
            md.append("| ").append(write.name()).append(" | ").append(fmt(write.perSecond())).append(" | ")
                    .append(fmt(write.p50Ms())).append(" | ").append(fmt(write.p99Ms())).append(" | ")
                    .append(write.errors()).append(" |\n");
        }
        targets(md);
        md.append("\n![Throughput by route and version; deep page latency](benchmarks.svg)\n");
        return md.toString();
    }

    /** CPU per request of the server, the database and the machine: what the two cores allow each route. */
    private void cpu(StringBuilder md) {
        int cores = Runtime.getRuntime().availableProcessors();
        md.append("""

                ## Where the CPU goes

                The server, the database, wrk and the benchmark's own JVM (which runs the database ceilings) share \
                the machine's %d cores. During every measured run the CPU time of the server's process, of the \
                database's and of the whole machine is read from `/proc` and divided by the requests answered \
                (median of the runs; a database ceiling's request is one set of the route's statements). When the \
                machine is busy all the time, these costs are the limit: *bound* is what the cores would answer if \
                the server and the database had them to themselves, %d cores ÷ (server + database µs).

                | Group | Route | req/s | server µs/request | database µs/request | whole machine µs/request | \
                machine busy | bound req/s |
                |---|---|---:|---:|---:|---:|---:|---:|
                """.formatted(cores, cores));
        for (Measurement m : measured) {
            double server = m.cost(Measurement.Cost::server).median();
            double database = m.cost(Measurement.Cost::database).median();
            md.append("| ").append(m.group).append(" | ").append(m.name).append(" | ")
                    .append(fmt(Spread.of(m.perSecond()).median())).append(" | ").append(fmt(server)).append(" | ")
                    .append(fmt(database)).append(" | ").append(fmt(m.cost(Measurement.Cost::machine).median()))
                    .append(" | ").append(String.format(Locale.ROOT, "%.0f %%",
                            100 * m.cost(Measurement.Cost::machineBusy).median())).append(" | ")
                    .append(fmt(cores * 1e6 / (server + database))).append(" |\n");
        }
    }

    private void targets(StringBuilder md) {
        md.append("\n## Targets (issue 16)\n\n| Target | Measured (median of rounds) | Met |\n|---|---|---|\n");
        Spread token = Spread.of(ceiling(true).ratiosTo(ceiling(false)));
        md.append("| trivial GET with a token ≥ 0.8× without | ").append(token.ratio()).append(" | ")
                .append(met(token.median() >= 0.8)).append(" |\n");
        for (String version : VERSIONS) {
            List<Measurement> hot = HOT.stream().map(name -> find(version, name)).flatMap(Optional::stream).toList();
            StringBuilder cells = new StringBuilder();
            boolean met = true;
            for (Measurement m : hot) {
                double ratio = ratioToItsKind(m).median();
                Optional<Spread> database = ratioToDatabase(m);
                cells.append(cells.isEmpty() ? "" : "; ").append(m.name).append(" ")
                        .append(String.format(Locale.ROOT, "%.2f×", ratio));
                database.ifPresent(d -> cells.append(String.format(Locale.ROOT, " (%.2f× the database)",
                        d.median())));
                met &= ratio >= TARGETS.get(version)
                        || database.map(d -> d.median() >= V2_DATABASE_TARGET).orElse(false);
            }
            md.append("| ").append(version).append(" hot reads ≥ ").append(TARGETS.get(version))
                    .append("× their kind's ceiling").append(version.equals("v2") ? " (or ≥ " + V2_DATABASE_TARGET
                            + "× the database's own)" : "").append(" | ").append(cells).append(" | ")
                    .append(met(met)).append(" |\n");
        }
        for (String version : VERSIONS) {
            Optional<Measurement> deep = find(version, "events at depth 10,000 (keyset)");
            Optional<Measurement> first = find(version, "events page 1 (keyset)");
            if (deep.isPresent() && first.isPresent()) {
                double ratio = deep.get().p50Ms().median() / first.get().p50Ms().median();
                md.append("| ").append(version).append(" keyset at depth 10,000 ≤ 1.5× page 1 (p50) | ")
                        .append(String.format(Locale.ROOT, "%.2f×", ratio)).append(" | ").append(met(ratio <= 1.5))
                        .append(" |\n");
            }
        }
    }

    private static String met(boolean met) {
        return met ? "yes" : "no";
    }

    static String machine() throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown CPU");
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        return cpu + ", " + Runtime.getRuntime().availableProcessors() + " cores, "
                + memory / (1L << 30) + " GiB, " + System.getProperty("os.name") + " "
                + System.getProperty("os.version");
    }

    /** As the run command recorded it at its last start ({@code data/last-boot.properties}). */
    static Properties lastBoot() throws IOException {
        Properties properties = new Properties();
        Path boot = Path.of("data", "last-boot.properties");
        if (Files.exists(boot)) {
            try (var in = Files.newBufferedReader(boot)) {
                properties.load(in);
            }
        }
        return properties;
    }

    private static String server() throws IOException {
        Properties boot = lastBoot();
        if (boot.isEmpty()) {
            return "not recorded (start it with the run command)";
        }
        return boot.getProperty("server", "Payara Micro") + " on Java " + boot.getProperty("java.version")
                + ", flags `" + boot.getProperty("jvm.flags") + "`, boot to ready " + boot.getProperty("boot.seconds")
                + " s";
    }

    /** The server process's resident set (VmRSS), by the process id the run command recorded. */
    private static String residentMemory() throws IOException {
        String pid = lastBoot().getProperty("server.pid");
        Path status = Path.of("/proc", String.valueOf(pid), "status");
        if (pid == null || !Files.isReadable(status)) {
            return "resident set not available (no running server recorded by the run command)";
        }
        return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmRSS:"))
                .map(l -> "resident set " + fmt(Long.parseLong(l.replaceAll("\\D", "")) / 1024.0) + " MiB")
                .findFirst().orElse("resident set not reported");
    }

    /** From the service's own metrics: the heap's memory pools added up. */
    private String heap() throws IOException, InterruptedException {
        HttpResponse<String> metrics = api.send(api.get("/metrics", null));
        double used = heapPools(metrics.body(), "jvm_memory_used_bytes");
        double max = heapPools(metrics.body(), "jvm_memory_max_bytes");
        if (metrics.statusCode() != 200 || used <= 0 || max <= 0) {
            return "heap not available (/metrics answered " + metrics.statusCode() + ")";
        }
        return "heap " + fmt(used / (1 << 20)) + " MiB used of " + fmt(max / (1 << 20)) + " MiB max";
    }

    /** The sum of a Micrometer memory gauge over the heap's pools; a pool without a maximum reports -1. */
    private static double heapPools(String metrics, String gauge) {
        Matcher pool = Pattern.compile("(?m)^" + gauge + "\\{[^}]*area=\"heap\"[^}]*} ([0-9.eE+-]+)$")
                .matcher(metrics);
        double sum = 0;
        while (pool.find()) {
            sum += Math.max(0, Double.parseDouble(pool.group(1)));
        }
        return sum;
    }

    /**
     * Two panels: the median req/s of each read route by version, its spread as a line, against the two ceilings;
     * deep page p50, offset vs keyset.
     */
    private String svg() {
        Map<String, Map<String, Measurement>> byRoute = new LinkedHashMap<>();
        measured.stream().filter(m -> VERSIONS.contains(m.group)).forEach(m ->
                byRoute.computeIfAbsent(m.name, k -> new LinkedHashMap<>()).put(m.group, m));
        double anonymous = Spread.of(ceiling(false).perSecond()).median();
        double withToken = Spread.of(ceiling(true).perSecond()).median();
        double max = measured.stream().filter(m -> !m.group.equals("database"))
                .mapToDouble(m -> Spread.of(m.perSecond()).high()).max().orElse(1);
        String[] colours = {"#8da0cb", "#fc8d62", "#66c2a5"};
        int labelWidth = 250;
        int barWidth = 520;
        int bar = 9;
        int y = 40;
        StringBuilder bars = new StringBuilder();
        for (Map.Entry<String, Map<String, Measurement>> route : byRoute.entrySet()) {
            bars.append(text(8, y + 14, route.getKey(), "start"));
            for (int v = 0; v < VERSIONS.size(); v++) {
                Measurement m = route.getValue().get(VERSIONS.get(v));
                if (m == null) {
                    continue;
                }
                Spread rate = Spread.of(m.perSecond());
                int width = x(rate.median(), max, barWidth);
                int top = y + v * bar;
                bars.append(String.format(Locale.ROOT, "<rect x='%d' y='%d' width='%d' height='%d' fill='%s'/>",
                        labelWidth, top, width, bar - 1, colours[v]));
                bars.append(String.format(Locale.ROOT, "<line x1='%d' y1='%d' x2='%d' y2='%d' stroke='#333'/>",
                        labelWidth + x(rate.low(), max, barWidth), top + bar / 2,
                        labelWidth + x(rate.high(), max, barWidth), top + bar / 2));
                bars.append(text(labelWidth + x(rate.high(), max, barWidth) + 4, top + 8, fmt(rate.median()),
                        "start"));
            }
            y += 3 * bar + 10;
        }
        bars.append(ceilingLine(labelWidth + x(anonymous, max, barWidth), 26, y,
                "without a token " + fmt(anonymous)));
        bars.append(ceilingLine(labelWidth + x(withToken, max, barWidth), 38, y, "with a token " + fmt(withToken)));
        int deepTop = y + 40;
        StringBuilder deep = new StringBuilder(text(8, deepTop - 8,
                "Events at depth 10,000: p50 latency (ms, median of rounds), offset vs keyset", "start"));
        double deepMax = measured.stream().filter(m -> m.name.startsWith("events at depth")
                && VERSIONS.contains(m.group)).mapToDouble(m -> m.p50Ms().median()).max().orElse(1);
        int dy = deepTop;
        for (String version : VERSIONS) {
            for (String kind : List.of("offset", "keyset")) {
                Optional<Measurement> m = find(version, "events at depth 10,000 (" + kind + ")");
                if (m.isEmpty()) {
                    continue;
                }
                double p50 = m.get().p50Ms().median();
                int width = x(p50, deepMax, barWidth);
                deep.append(text(8, dy + 10, version + " " + kind, "start"));
                deep.append(String.format(Locale.ROOT, "<rect x='%d' y='%d' width='%d' height='12' fill='%s'/>",
                        labelWidth, dy, Math.max(1, width), kind.equals("offset") ? "#e78ac3" : "#a6d854"));
                deep.append(text(labelWidth + width + 4, dy + 10, fmt(p50) + " ms", "start"));
                dy += 16;
            }
        }
        return String.format(Locale.ROOT, "<svg xmlns='http://www.w3.org/2000/svg' width='900' height='%d' "
                + "font-family='sans-serif' font-size='11'>", dy + 20)
                + "<rect width='100%' height='100%' fill='white'/>"
                + text(8, 16, "Requests/s by read route, median of rounds (line: lowest to highest) — v1 (blue), "
                + "v2 (orange), v3 (green); dashed: the trivial GET's ceilings", "start")
                + bars + deep + "</svg>\n";
    }

    private static int x(double value, double max, int width) {
        return (int) Math.round(width * value / max);
    }

    private static String ceilingLine(int x, int labelY, int bottom, String label) {
        return String.format(Locale.ROOT, "<line x1='%d' y1='%d' x2='%d' y2='%d' stroke='#333' "
                + "stroke-dasharray='4 3'/>", x, labelY + 4, x, bottom) + text(x + 4, labelY, label, "start");
    }

    private static String text(int x, int y, String content, String anchor) {
        return String.format(Locale.ROOT, "<text x='%d' y='%d' text-anchor='%s'>%s</text>", x, y, anchor,
                content.replace("&", "&amp;").replace("<", "&lt;"));
    }

    private static String fmt(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
