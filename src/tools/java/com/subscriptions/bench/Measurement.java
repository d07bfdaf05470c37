package com.subscriptions.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/**
 * One thing the rounds measure (a route through wrk, or a route's statements straight on the database) and what
 * each round measured of it: a ceiling is measured at the start and at the end of every round, anything else
 * once a round.
 */
final class Measurement {

    /** Load for whole seconds, measured. */
    @FunctionalInterface
    interface Load {
        LoadRun.Result run(String name, int seconds) throws Exception;
    }

    /** What a request cost in one measured run: microseconds of CPU of each process and of the whole machine. */
    record Cost(double server, double database, double machine, double machineBusy) {
    }

    final String group;
    final String name;
    final boolean authenticated;
    private final Load load;
    private final CpuMeter cpu;
    private final List<List<LoadRun.Result>> rounds = new ArrayList<>();
    private final List<Cost> costs = new ArrayList<>();
    private int warmupWindows;
    private String statements = "";

    Measurement(String group, String name, boolean authenticated, CpuMeter cpu, Load load) {
        this.group = group;
        this.name = name;
        this.authenticated = authenticated;
        this.cpu = cpu;
        this.load = load;
    }

    void warm(int windowSeconds) throws Exception {
        warmupWindows = Warmup.untilStable(() -> load.run(name, windowSeconds).perSecond());
    }

    void measure(int round, int seconds) throws Exception {
        while (rounds.size() <= round) {
            rounds.add(new ArrayList<>());
        }
        CpuMeter.Reading before = cpu.read();
        LoadRun.Result result = load.run(name, seconds);
        CpuMeter.Reading used = cpu.read().minus(before);
        rounds.get(round).add(result);
        double requests = Math.max(1, result.requests());
        Cost cost = new Cost(used.server() / 1e3 / requests, used.database() / 1e3 / requests,
                used.machine() / 1e3 / requests,
                used.machine() / (result.seconds() * 1e9 * Runtime.getRuntime().availableProcessors()));
        costs.add(cost);
        System.out.printf("round %d  %-8s %-45s %8.1f/s  p50 %7.2f ms  p99 %7.2f ms  errors %d  CPU µs/request: "
                        + "server %.0f, database %.0f, machine %.0f (busy %.0f %%)%n", round + 1, group, name,
                result.perSecond(), result.p50Ms(), result.p99Ms(), result.errors(), cost.server(), cost.database(),
                cost.machine(), 100 * cost.machineBusy());
    }

    /** One figure of every measured run's {@link Cost}, as median and spread. */
    Spread cost(ToDoubleFunction<Cost> figure) {
        return Spread.of(costs.stream().map(figure::applyAsDouble).toList());
    }

    /** Per second in round {@code round}: the mean of its measurements there. */
    double perSecond(int round) {
        return rounds.get(round).stream().mapToDouble(LoadRun.Result::perSecond).average().orElseThrow();
    }

    int roundCount() {
        return rounds.size();
    }

    /** Each round's per-second figure divided by {@code other}'s of the same round. */
    List<Double> ratiosTo(Measurement other) {
        return IntStream.range(0, roundCount()).mapToObj(r -> perSecond(r) / other.perSecond(r)).toList();
    }

    List<Double> perSecond() {
        return IntStream.range(0, roundCount()).mapToObj(this::perSecond).toList();
    }

    Spread p50Ms() {
        return Spread.of(all().stream().map(LoadRun.Result::p50Ms).toList());
    }

    Spread p99Ms() {
        return Spread.of(all().stream().map(LoadRun.Result::p99Ms).toList());
    }

    long errors() {
        return all().stream().mapToLong(LoadRun.Result::errors).sum();
    }

    int warmupWindows() {
        return warmupWindows;
    }

    String statements() {
        return statements;
    }

    void statements(String counted) {
        statements = counted;
    }

    private List<LoadRun.Result> all() {
        return rounds.stream().flatMap(List::stream).toList();
    }
}
