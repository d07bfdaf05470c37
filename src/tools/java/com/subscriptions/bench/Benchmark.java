package com.subscriptions.bench;

import com.subscriptions.sampledata.SampleData;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The benchmark command ({@code mvn -Pbench}, against a running service with the sample data). Every read route of
 * v1, v2 and v3, the ceilings (a trivial JAX-RS GET with and without an access token, a primary-key lookup) and,
 * for each v2 route, the database's own ceiling for its statements ({@link DatabaseCeiling}) are first warmed until
 * their throughput is stable ({@link Warmup}), then measured in interleaved rounds: each round measures the two
 * trivial GETs at its start and at its end and everything else in between, in an order that turns from round to
 * round. Ratios are taken within a round and reported as the median of the rounds with their spread. The HTTP load
 * comes from wrk ({@link Wrk}); login and subscribe + cancel (writes, sequences of requests) from the JDK client
 * ({@link LoadRun}), once. Writes {@code docs/benchmarks.md}, {@code docs/benchmarks.svg} and
 * {@code docs/query-plans.md}; {@code outbox}: {@link OutboxBenchmark}.
 * <p>
 * Settings (environment): {@code BENCH_URL} (http://127.0.0.1:8080), {@code BENCH_ROUNDS} (3),
 * {@code BENCH_SECONDS} (4 measured seconds a route a round), {@code BENCH_WARMUP_SECONDS} (3, a warm-up window),
 * {@code BENCH_CONNECTIONS} (16), {@code BENCH_USERS} (how many generated users exist, 1,000,000), and the
 * {@code DB_*} variables of the sample-data command (the benchmark makes its own admin account, {@code bench-admin},
 * with a random password, and subscribes it: its {@code ?_debug} answers show a subscriber's statements).
 */
public final class Benchmark {

    private static final List<String> VERSIONS = List.of("v1", "v2", "v3");
    private static final String ANONYMOUS_CEILING = "trivial GET /api/ping";
    private static final String TOKEN_CEILING = "trivial GET /api/ping with an access token";

    private final Map<String, String> env = System.getenv();
    private final Api api = new Api(env.getOrDefault("BENCH_URL", "http://127.0.0.1:8080"));
    private final int rounds = Integer.parseInt(env.getOrDefault("BENCH_ROUNDS", "3"));
    private final int seconds = Integer.parseInt(env.getOrDefault("BENCH_SECONDS", "4"));
    private final int window = Integer.parseInt(env.getOrDefault("BENCH_WARMUP_SECONDS", "3"));
    private final int connections = Integer.parseInt(env.getOrDefault("BENCH_CONNECTIONS", "16"));
    private final long generatedUsers = Long.parseLong(env.getOrDefault("BENCH_USERS", "1000000"));
    private final Wrk wrk = new Wrk(env.getOrDefault("BENCH_URL", "http://127.0.0.1:8080"), connections);
    private final List<LoadRun.Result> writes = new ArrayList<>();
    private Connection[] jdbc;
    private CpuMeter cpu;

    /** The run command's server and its database, by the id and port it recorded. */
    private CpuMeter cpuMeter() throws IOException {
        CpuMeter meter = CpuMeter.find(Optional.ofNullable(BenchReport.lastBoot().getProperty("server.pid"))
                .map(Long::valueOf), env.getOrDefault("DB_PORT", "3307"));
        if (!meter.seesBoth()) {
            System.out.println("The server's or the database's process was not found: their CPU reads 0");
        }
        return meter;
    }

    /** A read route: its name and path under the version, and whose tokens it is sent with (null: none). */
    private record Route(String name, String path, Logins callers) {
    }

    /**
     * With the argument {@code plans}, only the query plans are written; with {@code outbox}, only the webhook
     * outbox's benchmark ({@link OutboxBenchmark}).
     */
    public static void main(String[] args) throws Exception {
        Benchmark benchmark = new Benchmark();
        if (args.length > 0 && args[0].equals("outbox")) {
            new OutboxBenchmark(benchmark.api, benchmark.adminToken(), benchmark.connections, benchmark.cpuMeter())
                    .run();
        } else {
            benchmark.run(args.length > 0 && args[0].equals("plans"));
        }
        System.exit(0);
    }

    private void run(boolean plansOnly) throws Exception {
        Logins admins = admin();
        String admin = admins.first();
        subscribe(admin);
        List<String> readerNames = new ArrayList<>();
        for (int t = 0; t < connections; t++) {
            readerNames.add(SampleData.username(activeSubscriber(t)));
        }
        Logins readers = new Logins(api, readerNames, SampleData.PASSWORD);
        Logins deep = new Logins(api, List.of("history01"), SampleData.PASSWORD);
        String depthCursor = depthCursor(deep.first());
        List<Route> routes = List.of(
                new Route("plan list", "/plans", null),
                new Route("plan by id", "/plans/3", null),
                new Route("active subscription", "/subscriptions/active", readers),
                new Route("history page 1", "/subscriptions/history", readers),
                new Route("events at depth 10,000 (offset)", "/subscriptions/events?per_page=1&page=10000", deep),
                new Route("events at depth 10,000 (keyset)", "/subscriptions/events?per_page=1&cursor="
                        + depthCursor, deep),
                new Route("events page 1 (keyset)", "/subscriptions/events?per_page=1&cursor=", deep),
                new Route("expiring (admin)", "/subscriptions/expiring", admins),
                new Route("stats (admin)", "/subscriptions/stats", admins));
        List<QueryPlansReport.Route> explained = new ArrayList<>(routes.stream()
                .map(r -> new QueryPlansReport.Route(r.name(), r.path())).toList());
        // Explained, not measured: the first keyset pages of the history and of the expiring list.
        explained.add(new QueryPlansReport.Route("history page 1 (keyset)", "/subscriptions/history?cursor="));
        explained.add(new QueryPlansReport.Route("expiring (admin, keyset)", "/subscriptions/expiring?cursor="));
        System.out.println("Written: " + new QueryPlansReport(api, admin).write(Path.of("docs"), VERSIONS,
                explained));
        if (plansOnly) {
            return;
        }
        Wrk.requireInstalled();
        cpu = cpuMeter();
        Measurement anonymous = http("ceiling", ANONYMOUS_CEILING, "/api/ping", null, admin);
        Measurement withToken = http("ceiling", TOKEN_CEILING, "/api/ping", readers, admin);
        List<Measurement> between = new ArrayList<>();
        between.add(http("ceiling", "primary-key lookup GET /api/admin/users/{id}", "/api/admin/users/"
                + admins.firstId(), admins, admin));
        for (String version : VERSIONS) {
            for (Route route : routes) {
                between.add(http(version, route.name(), "/api/" + version + route.path(), route.callers(), admin));
            }
        }
        jdbc = DatabaseCeiling.open(connections);
        try {
            for (Route route : routes) {
                between.add(database(route, admins));
            }
            measureInRounds(anonymous, withToken, between);
        } finally {
            for (Connection connection : jdbc) {
                connection.close();
            }
        }
        login();
        subscribeAndCancel();
        List<Measurement> all = new ArrayList<>(List.of(anonymous, withToken));
        all.addAll(between);
        Path written = new BenchReport(all, writes, wrk.toString(), seconds, window, api).write(Path.of("docs"));
        System.out.println("Written: " + written);
    }

    /** Warm-up of everything until stable, then the rounds; each round's order starts further along the list. */
    private void measureInRounds(Measurement anonymous, Measurement withToken, List<Measurement> between)
            throws Exception {
        anonymous.warm(window);
        withToken.warm(window);
        for (Measurement measurement : between) {
            measurement.warm(window);
            System.out.printf("warmed   %-8s %-45s in %d windows%n", measurement.group, measurement.name,
                    measurement.warmupWindows());
        }
        for (int round = 0; round < rounds; round++) {
            anonymous.measure(round, seconds);
            withToken.measure(round, seconds);
            List<Measurement> order = new ArrayList<>(between);
            Collections.rotate(order, -round * between.size() / rounds);
            for (Measurement measurement : order) {
                measurement.measure(round, seconds);
            }
            withToken.measure(round, seconds);
            anonymous.measure(round, seconds);
        }
    }

    /** A GET measured with wrk; its statements are the server's count for one more call as the admin. */
    private Measurement http(String group, String name, String path, Logins callers, String admin)
            throws IOException, InterruptedException {
        Measurement measurement = new Measurement(group, name, callers != null, cpu,
                (label, duration) -> wrk.get(label, path, callers == null ? List.of() : callers.tokens(), duration));
        measurement.statements(statements(path, admin));
        return measurement;
    }

    /**
     * The v2 route's statements as the server ran them for the admin, the admin's id replaced by the id of the
     * route's own user (whose rows the route reads), straight on the database.
     */
    private Measurement database(Route route, Logins admins) throws Exception {
        String path = "/api/v2" + route.path();
        JsonObject debugged = api.json(api.get(Api.debugged(path, "true"), admins.first()), 200);
        long adminId = admins.firstId();
        long userId = route.callers() == null ? adminId : route.callers().firstId();
        List<DatabaseCeiling.Statement> statements = DatabaseCeiling.of(debugged).stream()
                .map(s -> new DatabaseCeiling.Statement(s.sql(), s.parameters().stream()
                        .map(p -> Long.valueOf(adminId).equals(p) ? (Object) userId : p).toList())).toList();
        DatabaseCeiling ceiling = new DatabaseCeiling(statements, jdbc);
        Measurement measurement = new Measurement("database", route.name(), false, cpu,
                (label, duration) -> LoadRun.measure(label, api.http, connections, 0, duration, ceiling.step()));
        measurement.statements(String.valueOf(ceiling.statementCount()));
        return measurement;
    }

    /** As the server counted them for a second call by the admin ({@code X-Query-Count}): a v3 cache is warm. */
    private String statements(String path, String admin) throws IOException, InterruptedException {
        HttpRequest request = api.get(Api.debugged(path, "true"), admin);
        api.send(request);
        return api.send(request).headers().firstValue("X-Query-Count").orElse("n/a");
    }

    /** The admin holds a subscription as a user does, so that its debugged reads show a subscriber's statements. */
    private void subscribe(String admin) throws IOException, InterruptedException {
        if (api.send(api.get("/api/v1/subscriptions/active", admin)).statusCode() == 404) {
            api.json(api.post("/api/v1/subscriptions", admin, "{\"plan_id\":2}"), 201);
        }
    }

    /** Logins of random generated users (each a PBKDF2 verification of 600,000 iterations, by design). */
    private void login() throws Exception {
        write("login", 1, (http, t) -> http.send(api.post("/api/v1/auth/login", null,
                        "{\"username\":\"" + SampleData.username(1 + ThreadLocalRandom.current().nextLong(generatedUsers))
                                + "\",\"password\":\"" + SampleData.PASSWORD + "\"}"),
                HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
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
        write("subscribe + cancel", 2, (http, t) -> {
            int subscribed = http.send(api.post("/api/v1/subscriptions", writers.get(t), "{\"plan_id\":2}"),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            int canceled = http.send(api.post("/api/v1/subscriptions/cancel", writers.get(t),
                    "{\"at_period_end\":false}"), HttpResponse.BodyHandlers.discarding()).statusCode();
            return subscribed == 201 && canceled == 200;
        });
    }

    /** Measured once with the JDK client, {@code requests} requests an operation. */
    private void write(String name, int requests, LoadRun.Step step) throws InterruptedException {
        LoadRun.Result result = LoadRun.measure(name, api.http, connections, window, 2 * seconds, step);
        writes.add(new LoadRun.Result(name, result.requests() * requests, result.errors(), result.seconds(),
                result.p50Ms(), result.p99Ms()));
        System.out.printf("writes   %-45s %8.1f req/s%n", name, writes.get(writes.size() - 1).perSecond());
    }

    /** The cursor after the 9,999th event of the long history: where offset page 10,000 (one a page) starts. */
    private String depthCursor(String deep) throws IOException, InterruptedException {
        return api.json(api.get("/api/v2/subscriptions/events?per_page=1&page=9999", deep), 200)
                .getString("next_cursor");
    }

    private String adminToken() throws Exception {
        return admin().first();
    }

    /** The benchmark's own admin account, {@code bench-admin}, made (or reset) with a random password. */
    private Logins admin() throws Exception {
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        String password = "Bench-" + HexFormat.of().formatHex(random);
        SampleData.main(new String[]{"admin", "--username", "bench-admin", "--password", password});
        return new Logins(api, List.of("bench-admin"), password);
    }

    /** A plain active subscriber, a different one for each thread, spread over the generated users. */
    private long activeSubscriber(int thread) {
        long number = 1 + (thread * 49_999L) % generatedUsers;
        while (!SampleData.plainActive(number)) {
            number++;
        }
        return number;
    }

}
