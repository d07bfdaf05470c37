package com.subscriptions.bench;

import com.subscriptions.sampledata.SampleData;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The benchmark command ({@code mvn -Pbench}, against a running service with the sample data): measures
 * requests/s and p50/p99 of the ceiling (a trivial JAX-RS GET and a primary-key lookup on the same server), of
 * every read route in v1, v2 and v3, of login and of subscribe + cancel, each with its SQL statements per request,
 * and writes {@code docs/benchmarks.md} and {@code docs/benchmarks.svg}; {@code outbox}: {@link OutboxBenchmark}.
 * <p>
 * Settings (environment): {@code BENCH_URL} (http://127.0.0.1:8080), {@code BENCH_SECONDS} (10 measured seconds a
 * route, after {@code BENCH_WARMUP_SECONDS}, 3), {@code BENCH_CONNECTIONS} (16), {@code BENCH_USERS} (how many
 * generated users exist, 1,000,000), and the {@code DB_*} variables of the sample-data command (the benchmark makes
 * its own admin account, {@code bench-admin}, with a random password).
 */
public final class Benchmark {

    private static final List<String> VERSIONS = List.of("v1", "v2", "v3");
    private static final double WARM_UP_SECONDS = 15;

    private final Map<String, String> env = System.getenv();
    private final Api api = new Api(env.getOrDefault("BENCH_URL", "http://127.0.0.1:8080"));
    private final double seconds = Double.parseDouble(env.getOrDefault("BENCH_SECONDS", "10"));
    private final double warmup = Double.parseDouble(env.getOrDefault("BENCH_WARMUP_SECONDS", "3"));
    private final int connections = Integer.parseInt(env.getOrDefault("BENCH_CONNECTIONS", "16"));
    private final long generatedUsers = Long.parseLong(env.getOrDefault("BENCH_USERS", "1000000"));
    private final List<BenchReport.Row> rows = new ArrayList<>();

    /**
     * With the argument {@code plans}, only the query plans are written; with {@code outbox}, only the webhook
     * outbox's benchmark ({@link OutboxBenchmark}).
     */
    public static void main(String[] args) throws Exception {
        Benchmark benchmark = new Benchmark();
        if (args.length > 0 && args[0].equals("outbox")) {
            new OutboxBenchmark(benchmark.api, benchmark.adminToken(), benchmark.connections).run();
        } else {
            benchmark.run(args.length > 0 && args[0].equals("plans"));
        }
        System.exit(0);
    }

    private void run(boolean plansOnly) throws Exception {
        String admin = adminToken();
        List<String> readers = new ArrayList<>();
        for (int t = 0; t < connections; t++) {
            readers.add(api.login(SampleData.username(activeSubscriber(t)), SampleData.PASSWORD));
        }
        String deep = api.login("history01", SampleData.PASSWORD);
        long adminId = Long.parseLong(subject(admin));
        String depthCursor = depthCursor(deep);
        List<QueryPlansReport.Route> routes = List.of(
                new QueryPlansReport.Route("plan list", "/plans", null),
                new QueryPlansReport.Route("plan by id", "/plans/3", null),
                new QueryPlansReport.Route("active subscription", "/subscriptions/active", readers.get(0)),
                new QueryPlansReport.Route("history page 1", "/subscriptions/history", readers.get(0)),
                new QueryPlansReport.Route("history page 1 (keyset)", "/subscriptions/history?cursor=", readers.get(0)),
                new QueryPlansReport.Route("events at depth 10,000 (offset)",
                        "/subscriptions/events?per_page=1&page=10000", deep),
                new QueryPlansReport.Route("events at depth 10,000 (keyset)",
                        "/subscriptions/events?per_page=1&cursor=" + depthCursor, deep),
                new QueryPlansReport.Route("expiring (admin)", "/subscriptions/expiring", admin),
                new QueryPlansReport.Route("expiring (admin, keyset)", "/subscriptions/expiring?cursor=", admin),
                new QueryPlansReport.Route("stats (admin)", "/subscriptions/stats", admin));
        System.out.println("Written: " + new QueryPlansReport(api, admin).write(Path.of("docs"), VERSIONS, routes));
        if (plansOnly) {
            return;
        }

        // The server's JIT warms up on the ceiling's route first, so that the first measurement is not the coldest.
        LoadRun.measure("warm-up", api.http, connections, 0, WARM_UP_SECONDS,
                LoadRun.get(t -> api.get("/api/ping", null), 200));
        ceiling("trivial GET /api/ping", "/api/ping", null);
        ceiling("trivial GET /api/ping with an access token", "/api/ping", readers.get(0));
        ceiling("primary-key lookup GET /api/admin/users/{id}", "/api/admin/users/" + adminId, admin);
        for (String version : VERSIONS) {
            String v = "/api/" + version;
            read(version, "plan list", v + "/plans", t -> null);
            read(version, "plan by id", v + "/plans/3", t -> null);
            read(version, "active subscription", v + "/subscriptions/active", readers::get);
            read(version, "history page 1", v + "/subscriptions/history", readers::get);
            read(version, "events at depth 10,000 (offset)", v + "/subscriptions/events?per_page=1&page=10000",
                    t -> deep);
            read(version, "events at depth 10,000 (keyset)", v + "/subscriptions/events?per_page=1&cursor="
                    + depthCursor, t -> deep);
            read(version, "events page 1 (keyset)", v + "/subscriptions/events?per_page=1&cursor=", t -> deep);
            read(version, "expiring (admin)", v + "/subscriptions/expiring", t -> admin);
            read(version, "stats (admin)", v + "/subscriptions/stats", t -> admin);
        }
        login();
        subscribeAndCancel();
        // Again at the end: the ratios use the better of the two, so a ceiling measured cold flatters nothing.
        ceiling("trivial GET /api/ping (again, at the end)", "/api/ping", null);
        ceiling("trivial GET /api/ping with an access token (again, at the end)", "/api/ping", readers.get(0));
        Path written = new BenchReport(rows, connections, seconds, api).write(Path.of("docs"));
        System.out.println("Written: " + written);
    }

    private interface Token {
        String of(int thread);
    }

    private void ceiling(String name, String path, String token) throws Exception {
        measure("ceiling", name, path, LoadRun.get(t -> api.get(path, token), 200), token, 1);
    }

    private void read(String version, String name, String path, Token token) throws Exception {
        measure(version, name, path, LoadRun.get(t -> api.get(path, token.of(t)), 200), token.of(0), 1);
    }

    private void measure(String group, String name, String path, LoadRun.Step step, String token, int perOp)
            throws Exception {
        System.out.printf("%-8s %-45s ", group, name);
        LoadRun.Result result = LoadRun.measure(name, api.http, connections, warmup, seconds, step);
        String statements = path == null ? "" : statements(path, token);
        rows.add(new BenchReport.Row(group, name, result, perOp, statements, token != null));
        System.out.printf("%8.1f req/s  p50 %7.2f ms  p99 %7.2f ms  errors %d  statements %s%n",
                result.perSecond() * perOp, result.p50Ms(), result.p99Ms(), result.errors(), statements);
    }

    /** As the server counted them for one more request ({@code X-Query-Count}, with profiling enabled). */
    private String statements(String path, String token) throws IOException, InterruptedException {
        HttpResponse<String> answer = api.send(api.get(path + (path.contains("?") ? "&" : "?") + "_debug=true",
                token));
        return answer.headers().firstValue("X-Query-Count").orElse("n/a");
    }

    /** Logins of random generated users (each a PBKDF2 verification of 600,000 iterations, by design). */
    private void login() throws Exception {
        measure("any", "login", null, (http, t) -> http.send(api.post("/api/v1/auth/login", null,
                        "{\"username\":\"" + SampleData.username(1 + ThreadLocalRandom.current().nextLong(generatedUsers))
                                + "\",\"password\":\"" + SampleData.PASSWORD + "\"}"),
                HttpResponse.BodyHandlers.discarding()).statusCode() == 200, null, 1);
    }

    /** Each thread's own new user subscribes and cancels at once, over and over: two writes an operation. */
    private void subscribeAndCancel() throws Exception {
        List<String> writers = new ArrayList<>();
        String run = Long.toHexString(System.currentTimeMillis());
        for (int t = 0; t < connections; t++) {
            String name = "bench" + run + "w" + t;
            api.json(api.post("/api/v1/auth/register", null, "{\"username\":\"" + name + "\",\"email\":\"" + name
                    + "@example.com\",\"password\":\"" + SampleData.PASSWORD + "\"}"), 201);
            writers.add(api.login(name, SampleData.PASSWORD));
        }
        measure("any", "subscribe + cancel (2 requests)", null, (http, t) -> {
            int subscribed = http.send(api.post("/api/v1/subscriptions", writers.get(t), "{\"plan_id\":2}"),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            int canceled = http.send(api.post("/api/v1/subscriptions/cancel", writers.get(t),
                    "{\"at_period_end\":false}"), HttpResponse.BodyHandlers.discarding()).statusCode();
            return subscribed == 201 && canceled == 200;
        }, writers.get(0), 2);
    }

    /** The cursor after the 9,999th event of the long history: where offset page 10,000 (one a page) starts. */
    private String depthCursor(String deep) throws IOException, InterruptedException {
        return api.json(api.get("/api/v2/subscriptions/events?per_page=1&page=9999", deep), 200)
                .getString("next_cursor");
    }

    private String adminToken() throws Exception {
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        String password = "Bench-" + HexFormat.of().formatHex(random);
        SampleData.main(new String[]{"admin", "--username", "bench-admin", "--password", password});
        return api.login("bench-admin", password);
    }

    /** A plain active subscriber, a different one for each thread, spread over the generated users. */
    private long activeSubscriber(int thread) {
        long number = 1 + (thread * 49_999L) % generatedUsers;
        while (!SampleData.plainActive(number)) {
            number++;
        }
        return number;
    }

    private static String subject(String token) {
        String claims = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        return claims.replaceAll(".*\"sub\"\\s*:\\s*\"([0-9]+)\".*", "$1");
    }

}
