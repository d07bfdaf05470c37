package com.subscriptions.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * A closed-loop load: {@code connections} threads each send a request, wait for its answer, and send the next, for
 * a warm-up and then a measured duration. Latencies of the measured part are kept whole and sorted for percentiles.
 */
final class LoadRun {

    /** What one thread sends next; the argument is the thread's number, for per-thread state. */
    @FunctionalInterface
    interface Step {
        /** @return whether the step succeeded (its answers had the expected status) */
        boolean run(HttpClient http, int thread) throws Exception;
    }

    record Result(String name, long requests, long errors, double seconds, double p50Ms, double p99Ms) {
        double perSecond() {
            return requests / seconds;
        }
    }

    private LoadRun() {
    }

    static Result measure(String name, HttpClient http, int connections, double warmupSeconds, double seconds,
                          Step step) throws InterruptedException {
        run(http, connections, warmupSeconds, step, null);
        List<long[]> latencies = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        long started = System.nanoTime();
        long requests = run(http, connections, seconds, step, new Recorder(latencies, errors));
        double elapsed = (System.nanoTime() - started) / 1e9;
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).toArray();
        Arrays.sort(all);
        return new Result(name, requests, errors.get(), elapsed, percentile(all, 0.50), percentile(all, 0.99));
    }

    /** Sends a GET and checks its status. */
    static Step get(IntFunction<HttpRequest> request, int expectedStatus) {
        return (http, thread) -> http.send(request.apply(thread), HttpResponse.BodyHandlers.discarding())
                .statusCode() == expectedStatus;
    }

    private record Recorder(List<long[]> latencies, AtomicLong errors) {
    }

    private static long run(HttpClient http, int connections, double seconds, Step step, Recorder recorder)
            throws InterruptedException {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long[][] perThread = new long[connections][];
        int[] counts = new int[connections];
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < connections; t++) {
            int thread = t;
            perThread[t] = new long[1 << 16];
            Thread worker = new Thread(() -> {
                while (System.nanoTime() < deadline) {
                    long began = System.nanoTime();
                    boolean ok;
                    try {
                        ok = step.run(http, thread);
                    } catch (Exception e) {
                        ok = false;
                    }
                    long took = System.nanoTime() - began;
                    if (recorder != null) {
                        if (!ok) {
                            recorder.errors().incrementAndGet();
                        }
                        if (counts[thread] == perThread[thread].length) {
                            perThread[thread] = Arrays.copyOf(perThread[thread], counts[thread] * 2);
                        }
                        perThread[thread][counts[thread]++] = took;
                    }
                }
            }, "load-" + t);
            worker.start();
            threads.add(worker);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long total = 0;
        for (int t = 0; t < connections; t++) {
            total += counts[t];
            if (recorder != null) {
                recorder.latencies().add(Arrays.copyOf(perThread[t], counts[t]));
            }
        }
        return total;
    }

    private static double percentile(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
