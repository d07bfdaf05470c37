package com.subscriptions.webhook;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A webhook receiver on loopback (a real HTTP server, the JDK's): records every request and answers with the next
 * scripted status (204 once the script is spent), or holds a request unanswered when scripted so.
 */
public final class Receiver implements AutoCloseable {

    /** A status that means: do not answer (until the receiver closes). */
    public static final int HANG = -1;

    /** One request as received. */
    public record Received(HttpHeaders headers, String body) {
        public String messageId() {
            return headers.firstValue("webhook-id").orElse(null);
        }
    }

    private final HttpServer server;
    private final Queue<Integer> script = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new ArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    public Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/hook", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Map<String, List<String>> headers = exchange.getRequestHeaders();
            synchronized (received) {
                received.add(new Received(HttpHeaders.of(headers, (name, value) -> true), body));
                received.notifyAll();
            }
            Integer status = script.poll();
            if (status != null && status == HANG) {
                try {
                    closing.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
                return;
            }
            exchange.sendResponseHeaders(status == null ? 204 : status, -1);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The statuses of the next requests, in order. */
    public Receiver answering(Integer... statuses) {
        script.addAll(List.of(statuses));
        return this;
    }

    /** Waits until {@code count} received requests match, and returns them in arrival order. */
    public List<Received> await(Predicate<Received> matching, int count, Duration within)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        synchronized (received) {
            while (true) {
                List<Received> matches = received.stream().filter(matching).toList();
                long left = deadline - System.nanoTime();
                if (matches.size() >= count || left <= 0) {
                    return matches;
                }
                received.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }

    public List<Received> all(Predicate<Received> matching) {
        synchronized (received) {
            return received.stream().filter(matching).toList();
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
    }
}
