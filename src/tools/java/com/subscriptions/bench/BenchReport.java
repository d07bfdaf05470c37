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
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Writes the benchmark's results: {@code benchmarks.md} (tables, targets) and {@code benchmarks.svg} (charts). */
final class BenchReport {

    /**
     * One measured route: its group (ceiling, v1, v2, v3, any), the result, requests an operation, and whether it
     * sends an access token.
     */
    record Row(String group, String name, LoadRun.Result result, int requestsPerOperation, String statements,
               boolean authenticated) {
        double perSecond() {
            return result.perSecond() * requestsPerOperation;
        }
    }

    private static final List<String> HOT = List.of("plan list", "plan by id", "active subscription",
            "history page 1");
    private static final Map<String, Double> TARGETS = Map.of("v1", 0.35, "v2", 0.5, "v3", 0.8);
    private static final List<String> VERSIONS = List.of("v1", "v2", "v3");

    private final List<Row> rows;
    private final int connections;
    private final double seconds;
    private final Api api;

    BenchReport(List<Row> rows, int connections, double seconds, Api api) {
        this.rows = rows;
        this.connections = connections;
        this.seconds = seconds;
        this.api = api;
    }

    Path write(Path directory) throws IOException, InterruptedException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("benchmarks.svg"), svg());
        Path markdown = directory.resolve("benchmarks.md");
        Files.writeString(markdown, markdown());
        return markdown;
    }

    /** The trivial GET's better measurement (it is measured first and last). */
    private double ceiling() {
        return ceiling(false);
    }

    /** The trivial GET's, sent with an access token or without. */
    private double ceiling(boolean authenticated) {
        return rows.stream().filter(r -> r.name().startsWith("trivial GET") && r.authenticated() == authenticated)
                .mapToDouble(Row::perSecond).max().orElseThrow();
    }

    /** The route's ratio to the ceiling of its kind: with a token for a route that needs one. */
    private double ratioToItsKind(Row row) {
        return row.perSecond() / ceiling(row.authenticated());
    }

    private Optional<Row> row(String group, String name) {
        return rows.stream().filter(r -> r.group().equals(group) && r.name().equals(name)).findFirst();
    }

    private String markdown() throws IOException, InterruptedException {
        StringBuilder md = new StringBuilder("# Benchmarks\n\n");
        md.append("Written by `mvn -Pbench` (see the README) on ")
                .append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")))
                .append(".\n\n");
        md.append("| | |\n|---|---|\n");
        md.append("| Machine | ").append(machine()).append(" |\n");
        md.append("| Server | ").append(server()).append(" |\n");
        md.append("| Load | ").append(connections).append(" closed-loop connections (JDK HttpClient, HTTP/1.1 "
                + "keep-alive) on the same machine, ").append(fmt(seconds)).append(" s measured per route after a "
                + "warm-up |\n");
        md.append("| Server heap after the load | ").append(heap()).append(" |\n\n");
        md.append("Ratios are to the trivial JAX-RS GET of the same run (the ceiling: the better of its two "
                + "measurements, first and last). A route that needs an access token also shows its ratio to the same "
                + "trivial GET sent with a token (its kind's ceiling): verifying the token is the server's own work "
                + "for every such request, whatever the version. SQL/request is the server's "
                + "own count (`X-Query-Count`) of one more request after the measurement, so a v3 route that is "
                + "cached shows 0.\n\n");
        md.append("| Group | Route | req/s | × ceiling | × its kind's ceiling | p50 ms | p99 ms | errors | "
                + "SQL/request |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row row : rows) {
            md.append("| ").append(row.group()).append(" | ").append(row.name()).append(" | ")
                    .append(fmt(row.perSecond())).append(" | ").append(String.format(Locale.ROOT, "%.2f",
                            row.perSecond() / ceiling())).append(" | ").append(row.authenticated()
                            ? String.format(Locale.ROOT, "%.2f", ratioToItsKind(row)) : "")
                    .append(" | ").append(fmt(row.result().p50Ms()))
                    .append(" | ").append(fmt(row.result().p99Ms())).append(" | ").append(row.result().errors())
                    .append(" | ").append(row.statements()).append(" |\n");
        }
        md.append("\n## Targets\n\n| Target | Measured | Met |\n|---|---|---|\n");
        for (String version : VERSIONS) {
            target(md, version, "ceiling", r -> r.perSecond() / ceiling());
            target(md, version, "its kind's ceiling", this::ratioToItsKind);
        }
        for (String version : VERSIONS) {
            Optional<Row> deep = row(version, "events at depth 10,000 (keyset)");
            Optional<Row> first = row(version, "events page 1 (keyset)");
            if (deep.isPresent() && first.isPresent()) {
                double ratio = deep.get().result().p50Ms() / first.get().result().p50Ms();
                md.append("| ").append(version).append(" keyset at depth 10,000 ≤ 1.5× page 1 (p50) | ")
                        .append(String.format(Locale.ROOT, "%.2f×", ratio)).append(" | ")
                        .append(ratio <= 1.5 ? "yes" : "no").append(" |\n");
            }
        }
        md.append("\n![Throughput by route and version; deep page latency](benchmarks.svg)\n");
        return md.toString();
    }

    /** The worst of the version's hot reads against its target, by one way of computing the ratio. */
    private void target(StringBuilder md, String version, String against, ToDoubleFunction<Row> ratio) {
        List<String> cells = HOT.stream().map(name -> row(version, name)).flatMap(Optional::stream)
                .map(r -> r.name() + " " + String.format(Locale.ROOT, "%.2f×", ratio.applyAsDouble(r))).toList();
        double worst = HOT.stream().map(name -> row(version, name)).flatMap(Optional::stream)
                .mapToDouble(ratio).min().orElse(Double.NaN);
        md.append("| ").append(version).append(" hot reads ≥ ").append(TARGETS.get(version)).append("× ")
                .append(against).append(" | ").append(String.join("; ", cells)).append(" | ")
                .append(worst >= TARGETS.get(version) ? "yes" : "no (lowest " + String.format(Locale.ROOT, "%.2f×",
                        worst) + ")").append(" |\n");
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

    /** JVM and flags as the run command recorded them at its last start ({@code data/last-boot.properties}). */
    private static String server() throws IOException {
        Path boot = Path.of("data", "last-boot.properties");
        if (!Files.exists(boot)) {
            return "not recorded (start it with the run command)";
        }
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(boot)) {
            properties.load(in);
        }
        return "Payara Micro on Java " + properties.getProperty("java.version") + ", flags `"
                + properties.getProperty("jvm.flags") + "`, boot to ready " + properties.getProperty("boot.seconds")
                + " s";
    }

    /** From the service's own metrics: the heap's memory pools added up. */
    private String heap() throws IOException, InterruptedException {
        HttpResponse<String> metrics = api.send(api.get("/metrics", null));
        double used = heapPools(metrics.body(), "jvm_memory_used_bytes");
        double max = heapPools(metrics.body(), "jvm_memory_max_bytes");
        if (metrics.statusCode() != 200 || used <= 0 || max <= 0) {
            return "not available (/metrics answered " + metrics.statusCode() + ")";
        }
        return fmt(used / (1 << 20)) + " MiB used of " + fmt(max / (1 << 20)) + " MiB max";
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

    /** Two panels: req/s of each read route by version against the ceiling; deep page p50, offset vs keyset. */
    private String svg() {
        Map<String, Map<String, Double>> byRoute = new LinkedHashMap<>();
        rows.stream().filter(r -> VERSIONS.contains(r.group())).forEach(r ->
                byRoute.computeIfAbsent(r.name(), k -> new LinkedHashMap<>()).put(r.group(), r.perSecond()));
        double max = Math.max(ceiling(), byRoute.values().stream().flatMap(m -> m.values().stream())
                .mapToDouble(Double::doubleValue).max().orElse(1));
        String[] colours = {"#8da0cb", "#fc8d62", "#66c2a5"};
        int labelWidth = 250;
        int barWidth = 520;
        int bar = 9;
        StringBuilder svg = new StringBuilder();
        int y = 40;
        StringBuilder bars = new StringBuilder();
        for (Map.Entry<String, Map<String, Double>> route : byRoute.entrySet()) {
            bars.append(text(8, y + 14, route.getKey(), "start"));
            for (int v = 0; v < VERSIONS.size(); v++) {
                double value = route.getValue().getOrDefault(VERSIONS.get(v), 0.0);
                int width = (int) Math.round(barWidth * value / max);
                bars.append(String.format(Locale.ROOT, "<rect x='%d' y='%d' width='%d' height='%d' fill='%s'/>",
                        labelWidth, y + v * bar, width, bar - 1, colours[v]));
                bars.append(text(labelWidth + width + 4, y + v * bar + 8, fmt(value), "start"));
            }
            y += 3 * bar + 10;
        }
        int ceilingX = labelWidth + (int) Math.round(barWidth * ceiling() / max);
        bars.append(String.format(Locale.ROOT, "<line x1='%d' y1='30' x2='%d' y2='%d' stroke='#333' "
                + "stroke-dasharray='4 3'/>", ceilingX, ceilingX, y));
        bars.append(text(ceilingX, 26, "ceiling " + fmt(ceiling()) + " req/s", "middle"));
        int deepTop = y + 40;
        StringBuilder deep = new StringBuilder(text(8, deepTop - 8,
                "Events at depth 10,000: p50 latency (ms), offset vs keyset", "start"));
        double deepMax = rows.stream().filter(r -> r.name().startsWith("events at depth"))
                .mapToDouble(r -> r.result().p50Ms()).max().orElse(1);
        int dy = deepTop;
        for (String version : VERSIONS) {
            for (String kind : List.of("offset", "keyset")) {
                Optional<Row> row = row(version, "events at depth 10,000 (" + kind + ")");
                if (row.isEmpty()) {
                    continue;
                }
                int width = (int) Math.round(barWidth * row.get().result().p50Ms() / deepMax);
                deep.append(text(8, dy + 10, version + " " + kind, "start"));
                deep.append(String.format(Locale.ROOT, "<rect x='%d' y='%d' width='%d' height='12' fill='%s'/>",
                        labelWidth, dy, Math.max(1, width), kind.equals("offset") ? "#e78ac3" : "#a6d854"));
                deep.append(text(labelWidth + width + 4, dy + 10, fmt(row.get().result().p50Ms()) + " ms", "start"));
                dy += 16;
            }
        }
        int height = dy + 20;
        svg.append(String.format(Locale.ROOT, "<svg xmlns='http://www.w3.org/2000/svg' width='900' height='%d' "
                + "font-family='sans-serif' font-size='11'>", height));
        svg.append("<rect width='100%' height='100%' fill='white'/>");
        svg.append(text(8, 16, "Requests/s by read route — v1 (blue), v2 (orange), v3 (green)", "start"));
        svg.append(bars).append(deep).append("</svg>\n");
        return svg.toString();
    }

    private static String text(int x, int y, String content, String anchor) {
        return String.format(Locale.ROOT, "<text x='%d' y='%d' text-anchor='%s'>%s</text>", x, y, anchor,
                content.replace("&", "&amp;").replace("<", "&lt;"));
    }

    private static String fmt(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }

}
