package com.subscriptions.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The benchmark harness's own arithmetic and formats: wrk's script and result, warm-up, rounds, statements. */
class HarnessTest {

    @Test
    void everyRequestIsPreparedOnceWithItsTokenAndAnAnonymousRouteAsOneWithout() {
        String anonymous = Wrk.script("/api/v3/plans/3", List.of());
        assertThat(anonymous).startsWith("local headers = {{}}\n")
                .contains("requests[i] = wrk.format(\"GET\", \"/api/v3/plans/3\", h)")
                .contains("return requests[n % #requests + 1]").contains("done = function");
        String withTokens = Wrk.script("/api/v1/subscriptions/history?cursor=", List.of("a.b.c", "d.e.f"));
        assertThat(withTokens).startsWith("local headers = {{[\"Authorization\"] = \"Bearer a.b.c\"}, "
                + "{[\"Authorization\"] = \"Bearer d.e.f\"}}\n")
                .contains("wrk.format(\"GET\", \"/api/v1/subscriptions/history?cursor=\", h)");
        assertThat(Wrk.script("/a\"b\\c", List.of())).contains("\"/a\\\"b\\\\c\"");
    }

    @Test
    void wrksResultLineGivesRequestsErrorsSecondsAndPercentiles() {
        String output = """
                Running 4s test @ http://127.0.0.1:8080
                  1 threads and 16 connections
                  24321 requests in 4.00s, 3.64MB read
                Requests/sec:   6078.90
                RESULT 24321 4001234 7 2450 9870
                """;
        LoadRun.Result result = Wrk.result("plan list", output);
        assertThat(result.requests()).isEqualTo(24321);
        assertThat(result.errors()).isEqualTo(7);
        assertThat(result.seconds()).isEqualTo(4.001234);
        assertThat(result.p50Ms()).isEqualTo(2.45);
        assertThat(result.p99Ms()).isEqualTo(9.87);
        assertThat(result.perSecond()).isCloseTo(6078.4, org.assertj.core.data.Offset.offset(0.1));
        assertThatThrownBy(() -> Wrk.result("x", "unable to connect to 127.0.0.1:8080 Connection refused"))
                .hasMessageContaining("Connection refused");
    }

    @Test
    void theWarmUpEndsOnTwoWindowsWithinFivePerCentAndOtherwiseSaysItNeverSettled() throws Exception {
        Deque<Double> rates = new ArrayDeque<>(List.of(1000.0, 1500.0, 1800.0, 1850.0, 1.0));
        assertThat(Warmup.untilStable(rates::removeFirst)).isEqualTo(4);
        assertThat(Warmup.stable(1000, 1050)).isTrue();
        assertThat(Warmup.stable(1000, 1053)).isFalse();
        assertThat(Warmup.stable(0, 0)).isFalse();
        double[] climbing = {100};
        assertThat(Warmup.untilStable(() -> climbing[0] *= 1.2)).isEqualTo(Warmup.MAX_WINDOWS + 1);
    }

    @Test
    void roundsAreSummedUpAsTheirMedianWithTheLowestAndHighest() {
        assertThat(Spread.of(List.of(0.9, 0.7, 0.8))).isEqualTo(new Spread(0.8, 0.7, 0.9));
        assertThat(Spread.of(List.of(4.0, 1.0, 2.0, 3.0))).isEqualTo(new Spread(2.5, 1.0, 4.0));
        assertThat(new Spread(0.843, 0.8, 0.88).ratio()).isEqualTo("0.84 (0.80–0.88)");
        assertThatThrownBy(() -> Spread.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMeasurementsRatioIsTakenWithinEachRoundAgainstTheMeanOfThatRoundsCeilings() throws Exception {
        Deque<Double> ceilingRates = new ArrayDeque<>(List.of(1000.0, 1200.0, 2000.0, 2000.0));
        Deque<Double> routeRates = new ArrayDeque<>(List.of(550.0, 1000.0));
        CpuMeter unseen = new CpuMeter(Optional.empty(), Optional.empty());
        Measurement ceiling = new Measurement("ceiling", "ping", false, unseen, (name, s) -> result(ceilingRates));
        Measurement route = new Measurement("v3", "plan list", false, unseen, (name, s) -> result(routeRates));
        for (int round = 0; round < 2; round++) {
            ceiling.measure(round, 1);
            route.measure(round, 1);
            ceiling.measure(round, 1);
        }
        assertThat(ceiling.perSecond()).containsExactly(1100.0, 2000.0);
        assertThat(route.ratiosTo(ceiling)).containsExactly(0.5, 0.5);
    }

    @Test
    void aRequestsCpuIsWhatTheProcessSpentDuringTheRunDividedByTheRequestsAnswered() throws Exception {
        CpuMeter thisProcessAsTheServer = new CpuMeter(Optional.of(ProcessHandle.current()), Optional.empty());
        Measurement busy = new Measurement("v2", "busy", false, thisProcessAsTheServer, (name, s) -> {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long until = threads.getCurrentThreadCpuTime() + 300_000_000L;
            while (threads.getCurrentThreadCpuTime() < until) {
                Thread.onSpinWait();
            }
            return new LoadRun.Result(name, 100, 0, 0.3, 1, 2);
        });
        busy.measure(0, 1);
        // 300 ms of CPU for 100 requests: 3,000 µs each at least (other threads of this JVM only add; /proc counts
        // in 10 ms ticks).
        assertThat(busy.cost(Measurement.Cost::server).median()).isBetween(2_900.0, 8_000.0);
        assertThat(busy.cost(Measurement.Cost::database).median()).isZero();
        assertThat(busy.cost(Measurement.Cost::machine).median()).isGreaterThanOrEqualTo(2_900.0);
        assertThat(busy.cost(Measurement.Cost::machineBusy).median()).isGreaterThanOrEqualTo(0.45);
    }

    @Test
    void theDatabaseCeilingBindsParametersAsTheServerDid() {
        JsonObject answer = Json.createReader(new StringReader("""
                {"id": 1, "_debug": {"statements": [{"sql": "SELECT 1 FROM t WHERE a = ? AND b IN (?, ?) AND c < ?",
                  "parameters": [1000042, "active", null, "2026-12-02T17:45:01.123456"]}]}}
                """)).readObject();
        List<DatabaseCeiling.Statement> statements = DatabaseCeiling.of(answer);
        assertThat(statements).hasSize(1);
        assertThat(statements.get(0).sql()).isEqualTo("SELECT 1 FROM t WHERE a = ? AND b IN (?, ?) AND c < ?");
        assertThat(statements.get(0).parameters()).containsExactly(1000042L, "active", null,
                LocalDateTime.parse("2026-12-02T17:45:01.123456"));
    }

    private static LoadRun.Result result(Deque<Double> rates) {
        return new LoadRun.Result("r", Math.round(rates.removeFirst()), 0, 1, 1, 2);
    }
}
