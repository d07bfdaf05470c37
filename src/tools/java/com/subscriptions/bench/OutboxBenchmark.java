package com.subscriptions.bench;

import com.subscriptions.sampledata.SampleData;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the webhook outbox costs and how fast it delivers ({@code mvn -Pbench -Dexec.args=outbox}; the service must
 * accept a receiver on loopback: {@code WEBHOOKS_ALLOW_HTTP=true WEBHOOKS_ALLOWED_ADDRESSES=127.0.0.1}). Writes
 * {@code docs/outbox-benchmark.md}:
 * <ul>
 * <li>subscribe + cancel throughput (16 connections, closed loop) without any endpoint and with one endpoint that
 * wants every event, in interleaved rounds after a warm-up; the median of rounds and their spread;</li>
 * <li>delivery lag (the event's timestamp, written in the change's transaction, to its arrival at a receiver in this
 * process) at a paced 100 writes/s (the rate) and 20 writes/s, alone and beside two receivers that are
 * down (one refuses connections, one accepts and never answers), so that head-of-line blocking would show; only
 * events written during a run count (not the backlog of the one before).</li>
 * </ul>
 */
final class OutboxBenchmark {

    private static final int ROUNDS = 5;
    private static final double ROUND_SECONDS = 8;
    private static final double LAG_SECONDS = 20;
    private static final double WARM_UP_SECONDS = 30;
    /** The rate (100 writes/s) and one this 2-core machine sustains with its load generator beside it. */
    private static final int TARGET_PAIRS_PER_SECOND = 50;
    private static final int SUSTAINED_PAIRS_PER_SECOND = 10;
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    private static final Pattern TIMESTAMP = Pattern.compile("\"timestamp\":\"([^\"]+)\"");

    private final Api api;
    private final String admin;
    private final int connections;
    private final CpuMeter cpu;
    private final List<String> writers = new ArrayList<>();

    OutboxBenchmark(Api api, String admin, int connections, CpuMeter cpu) {
        this.api = api;
        this.admin = admin;
        this.connections = connections;
        this.cpu = cpu;
    }

    void run() throws Exception {
        String run = Long.toHexString(System.currentTimeMillis());
        for (int t = 0; t < connections; t++) {
            String name = "outbox" + run + "w" + t;
            api.json(api.post("/api/v1/auth/register", null, "{\"username\":\"" + name + "\",\"email\":\"" + name
                    + "@example.com\",\"password\":\"" + SampleData.PASSWORD + "\"}"), 201);
            writers.add(api.login(name, SampleData.PASSWORD));
        }
        try (Receiver receiver = new Receiver(); ServerSocket hanging = new ServerSocket(0, 10_000)) {
            LoadRun.measure("warm-up", api.http, connections, 0, WARM_UP_SECONDS, this::subscribeAndCancel);
            List<Round> without = new ArrayList<>();
            List<Round> with = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                without.add(throughput());
                long endpoint = register(receiver.url());
                with.add(throughput());
                delete(endpoint);
                System.out.printf("round %d: without %.1f, with one endpoint %.1f requests/s%n", round + 1,
                        without.get(round).requestsPerSecond(), with.get(round).requestsPerSecond());
            }
            long endpoint = register(receiver.url());
            Lag alone = lag(receiver, TARGET_PAIRS_PER_SECOND);
            Lag aloneSustained = lag(receiver, SUSTAINED_PAIRS_PER_SECOND);
            long refusing = register("http://127.0.0.1:" + closedPort() + "/down");
            long hangingEndpoint = register("http://127.0.0.1:" + hanging.getLocalPort() + "/hangs");
            Lag besideDown = lag(receiver, TARGET_PAIRS_PER_SECOND);
            Lag besideDownSustained = lag(receiver, SUSTAINED_PAIRS_PER_SECOND);
            for (long id : List.of(endpoint, refusing, hangingEndpoint)) {
                delete(id);
            }
            Path written = write(without, with, List.of(alone, aloneSustained),
                    List.of(besideDown, besideDownSustained));
            System.out.println("Written: " + written);
        }
    }

    private boolean subscribeAndCancel(java.net.http.HttpClient http, int thread) throws Exception {
        int subscribed = http.send(api.post("/api/v1/subscriptions", writers.get(thread), "{\"plan_id\":2}"),
                HttpResponse.BodyHandlers.discarding()).statusCode();
        int canceled = http.send(api.post("/api/v1/subscriptions/cancel", writers.get(thread),
                "{\"at_period_end\":false}"), HttpResponse.BodyHandlers.discarding()).statusCode();
        return subscribed == 201 && canceled == 200;
    }

    /**
     * Subscribe + cancel (two writes an operation) as fast as they go; the rounds before warmed it up. The round starts
     * once what the one before wrote is sent (its mails and deliveries would take the cores from this one's), and its
     * cost is the CPU until what it wrote is sent too.
     */
    private Round throughput() throws Exception {
        awaitOutboxesEmpty();
        CpuMeter.Reading before = cpu.read();
        LoadRun.Result result = LoadRun.measure("subscribe + cancel", api.http, connections, 0, ROUND_SECONDS,
                this::subscribeAndCancel);
        awaitOutboxesEmpty();
        CpuMeter.Reading used = cpu.read().minus(before);
        long requests = 2 * result.requests();
        return new Round(requests / result.seconds(), used.serviceMillisPer(requests));
    }

    /**
     * @param cpuMillisPerRequest the server's and the database's CPU a request, with what it caused: its mail and its
     *     deliveries
     */
    private record Round(double requestsPerSecond, double cpuMillisPerRequest) {
    }

    /** Until no mail and no delivery waits to be sent (cancels write a mail each). */
    private void awaitOutboxesEmpty() throws Exception {
        awaitEmpty(() -> pendingMails() + pendingDeliveries());
    }

    /** At most five minutes. */
    private static void awaitEmpty(Pending pending) throws Exception {
        long giveUp = System.currentTimeMillis() + 300_000;
        while (pending.count() > 0) {
            if (System.currentTimeMillis() > giveUp) {
                throw new IllegalStateException("The outboxes did not empty within five minutes");
            }
            Thread.sleep(200);
        }
    }

    private interface Pending {
        long count() throws Exception;
    }

    private long pendingMails() throws Exception {
        return api.json(api.get("/api/admin/mail/status", admin), 200).getJsonObject("outbox")
                .getJsonNumber("pending").longValue();
    }

    private long pendingDeliveries() throws Exception {
        return api.json(api.get("/api/admin/outbox", admin), 200).getJsonNumber("pending").longValue();
    }

    /** A paced load of subscribe + cancel pairs a second; the lag of what arrives. */
    private Lag lag(Receiver receiver, int pairsPerSecond) throws Exception {
        receiver.awaitQuiet();
        awaitEmpty(this::pendingMails);
        receiver.startCounting();
        CpuMeter.Reading before = cpu.read();
        AtomicLong sent = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        ScheduledExecutorService pacer = Executors.newScheduledThreadPool(connections);
        long periodMicros = 1_000_000L * connections / pairsPerSecond;
        for (int t = 0; t < connections; t++) {
            int thread = t;
            pacer.scheduleAtFixedRate(() -> {
                try {
                    if (!subscribeAndCancel(api.http, thread)) {
                        failed.incrementAndGet();
                    }
                } catch (Exception e) {
                    failed.incrementAndGet();
                }
                sent.addAndGet(2);
            }, periodMicros * t / connections, periodMicros, TimeUnit.MICROSECONDS);
        }
        Thread.sleep((long) (LAG_SECONDS * 1000));
        pacer.shutdown();
        pacer.awaitTermination(30, TimeUnit.SECONDS);
        CpuMeter.Reading used = cpu.read().minus(before);
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (receiver.lags.size() < sent.get() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        long[] lags;
        synchronized (receiver.lags) {
            lags = receiver.lags.stream().mapToLong(Long::longValue).sorted().toArray();
        }
        return new Lag(2 * pairsPerSecond, sent.get() / LAG_SECONDS, sent.get(), lags.length, failed.get(),
                percentile(lags, 0.5), percentile(lags, 0.99), lags.length == 0 ? Double.NaN : lags[lags.length - 1],
                used);
    }

    /** @param cpu what the server, the database and the machine used while the writes were paced */
    private record Lag(int targetWritesPerSecond, double writesPerSecond, long writes, long delivered,
                       long failedWrites, double p50Ms, double p99Ms, double maxMs, CpuMeter.Reading cpu) {

        /** Of all cores: 100 % is the whole machine. */
        double busyPercent(int cores) {
            return 100.0 * cpu.machine() / (LAG_SECONDS * 1e9 * cores);
        }

        /** The server's and the database's CPU per write, with what its deliveries cost. */
        double cpuMillisPerWrite() {
            return cpu.serviceMillisPer(writes);
        }
    }

    private long register(String url) throws Exception {
        return api.json(api.post("/api/admin/webhooks", admin, "{\"url\":\"" + url
                + "\",\"event_types\":[\"*\"],\"description\":\"outbox benchmark\"}"), 201).getJsonNumber("id")
                .longValue();
    }

    private void delete(long endpoint) throws Exception {
        api.send(api.delete("/api/admin/webhooks/" + endpoint, admin));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static double percentile(long[] sorted, double quantile) {
        return sorted.length == 0 ? Double.NaN
                : sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)];
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private Path write(List<Round> without, List<Round> with, List<Lag> alone, List<Lag> besideDown)
            throws IOException {
        List<Double> rateWithout = without.stream().map(Round::requestsPerSecond).toList();
        List<Double> rateWith = with.stream().map(Round::requestsPerSecond).toList();
        double cpuWithout = median(without.stream().map(Round::cpuMillisPerRequest).toList());
        double cpuWith = median(with.stream().map(Round::cpuMillisPerRequest).toList());
        double ratio = median(rateWith) / median(rateWithout);
        StringBuilder md = new StringBuilder("# Webhook outbox benchmark\n\n");
        md.append("Written by `mvn -Pbench -Dexec.args=outbox` on ")
                .append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")))
                .append(", ").append(BenchReport.machine()).append(", against the run command's server (its mail ")
                .append("catcher on: every cancel also writes a notification mail). Load generator: JDK HttpClient in ")
                .append("the same machine, ").append(connections).append(" connections.\n\n");
        md.append("## Cost: subscribe + cancel, without and with one endpoint (every event)\n\n");
        md.append(ROUNDS).append(" interleaved rounds of ").append((int) ROUND_SECONDS).append(" s after a ")
                .append((int) WARM_UP_SECONDS).append(" s ")
                .append("warm-up; the dispatcher delivers during the rounds with an endpoint, on the same cores. ")
                .append("Each round starts once every mail and delivery written before it is sent, and its CPU is ")
                .append("counted until what it wrote is sent too (every cancel also writes a mail).\n\n");
        md.append("| | median requests/s | rounds | server + database CPU per request, with its mail and deliveries "
                        + "(median) |\n")
                .append("|---|---:|---|---:|\n");
        md.append("| no endpoint | ").append(fmt(median(rateWithout))).append(" | ").append(list(rateWithout))
                .append(" | ").append(String.format("%.2f ms", cpuWithout)).append(" |\n");
        md.append("| one endpoint | ").append(fmt(median(rateWith))).append(" | ").append(list(rateWith))
                .append(" | ").append(String.format("%.2f ms", cpuWith)).append(" |\n");
        md.append("| ratio | **").append(String.format("%.2f", ratio)).append("** (target ≥ 0.90) | | ")
                .append(String.format("%.2f", cpuWithout / cpuWith)).append(" |\n\n");
        md.append("The last column's ratio (no endpoint ÷ one endpoint) is what the outbox and its deliveries cost ")
                .append("the service itself; the requests/s ratio also pays for the receiver and the load generator, ")
                .append("which run on the same cores.\n\n");
        md.append("## Delivery lag\n\n");
        md.append("From the event's `timestamp` (taken in the writing transaction, just before its commit) to its ")
                .append("arrival at the receiver; ").append((int) LAG_SECONDS).append(" s of paced writes.\n\n");
        md.append("| | writes/s paced | reached | events delivered | p50 | p99 | max | machine busy | server + "
                        + "database CPU per write |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        alone.forEach(lag -> md.append(lagRow("one receiver", lag)));
        besideDown.forEach(lag -> md.append(lagRow("beside two receivers that are down (refusing; accepting and "
                + "never answering)", lag)));
        md.append("\nTargets: p50 ≤ 1 s, p99 ≤ 5 s; a receiver that is down delays nothing else.\n");
        Path file = Path.of("docs", "outbox-benchmark.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, md.toString());
        return file;
    }

    private static String lagRow(String name, Lag lag) {
        return "| " + name + " | " + lag.targetWritesPerSecond() + " | " + fmt(lag.writesPerSecond()) + " | "
                + lag.delivered() + " of " + lag.writes()
                + (lag.failedWrites() > 0 ? " (" + lag.failedWrites() + " failed writes)" : "") + " | "
                + ms(lag.p50Ms()) + " | " + ms(lag.p99Ms()) + " | " + ms(lag.maxMs()) + " | "
                + String.format("%.0f %%", lag.busyPercent(CORES)) + " | "
                + String.format("%.1f ms", lag.cpuMillisPerWrite()) + " |\n";
    }

    private static String ms(double millis) {
        return Double.isNaN(millis) ? "–" : String.format("%.0f ms", millis);
    }

    private static String fmt(double value) {
        return String.format("%,.1f", value);
    }

    private static String list(List<Double> values) {
        return String.join(", ", values.stream().map(OutboxBenchmark::fmt).toList());
    }

    /** A receiver that answers 204 at once and records each event's lag. */
    private static final class Receiver implements AutoCloseable {
        final List<Long> lags = Collections.synchronizedList(new ArrayList<>());
        private final HttpServer server;
        /** Events written before are not counted (the backlog of an earlier run). */
        private volatile long since;

        private volatile long lastArrival = System.currentTimeMillis();

        /**
         * Until nothing has arrived for two seconds (at most two minutes): a run starts once the backlog of the one
         * before is delivered, or measures that backlog's lag instead of its own.
         */
        void awaitQuiet() throws InterruptedException {
            long giveUp = System.currentTimeMillis() + 120_000;
            while (System.currentTimeMillis() - lastArrival < 2_000 && System.currentTimeMillis() < giveUp) {
                Thread.sleep(200);
            }
        }

        void startCounting() {
            since = System.currentTimeMillis();
            lags.clear();
        }

        Receiver() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1000);
            server.setExecutor(Executors.newFixedThreadPool(8));
            server.createContext("/hook", exchange -> {
                long arrived = System.currentTimeMillis();
                lastArrival = arrived;
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Matcher timestamp = TIMESTAMP.matcher(body);
                if (timestamp.find()) {
                    long written = Instant.parse(timestamp.group(1)).toEpochMilli();
                    if (written >= since) {
                        lags.add(arrived - written);
                    }
                }
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
