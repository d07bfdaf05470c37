package com.subscriptions.cluster;

import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.specification.RequestSpecification;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static com.subscriptions.ApiClient.randomClientAddress;

/**
 * A second Payara Micro beside the one Arquillian started: the same WAR, database, keys and settings, its own
 * HTTP port, joining the first one's Data Grid on loopback, as the README's "Running several instances" starts it.
 */
final class SecondInstance implements AutoCloseable {

    private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(150);

    private final int httpPort = Integer.getInteger("it.second.http.port");
    private final Process process;

    private SecondInstance(Process process) {
        this.process = process;
    }

    /**
     * Starts the instance and waits until it is ready. An instance that is not ready in time (seen in a CI run:
     * it booted, logged "ready" and answered nothing for 4 minutes; not understood) leaves a thread dump in its
     * kept log and is started once more, which the test output says.
     *
     * @param extraProperties system properties of this instance only ({@code -Dkey=value})
     */
    static SecondInstance start(String... extraProperties) throws IOException, InterruptedException {
        Path log = Path.of("target", "second-instance.log");
        for (int attempt = 1; ; attempt++) {
            SecondInstance instance = launch(log, extraProperties);
            String notReady = instance.awaitReady();
            if (notReady == null) {
                return instance;
            }
            if (instance.process.isAlive()) {
                instance.signal("-QUIT");
                Thread.sleep(2000);
            }
            instance.close();
            Path kept = log.resolveSibling("second-instance-attempt-" + attempt + ".log");
            Files.copy(log, kept, StandardCopyOption.REPLACE_EXISTING);
            String failure = "The second instance did not become ready in " + BOOT_TIMEOUT.toSeconds()
                    + " s (last answer to /health/ready: " + notReady + "); log and thread dump: "
                    + kept.toAbsolutePath();
            if (attempt == 2) {
                throw new IllegalStateException(failure);
            }
            System.out.println("WARNING: " + failure + "; starting it once more");
        }
    }

    private static SecondInstance launch(Path log, String... extraProperties) throws IOException {
        int firstClusterPort = Integer.getInteger("it.cluster.port");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
        command.addAll(List.of(System.getProperty("it.server.properties").trim().split("\\s+")));
        command.addAll(List.of(extraProperties));
        command.addAll(List.of("-jar", System.getProperty("payara.microJar"),
                "--deploy", System.getProperty("it.war"), "--contextroot", "/",
                "--port", System.getProperty("it.second.http.port"),
                "--prebootcommandfile", System.getProperty("it.preboot"),
                "--postbootcommandfile", System.getProperty("it.postboot"),
                "--addlibs", System.getProperty("it.driver"),
                "--startport", String.valueOf(firstClusterPort + 1),
                "--clustermode", "tcpip:127.0.0.1:" + firstClusterPort,
                "--interfaces", "127.0.0.1", "--clustername", "subscriptions-it", "--disablephonehome"));
        return new SecondInstance(new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start());
    }

    /** A request to this instance from a client of its own (a random forwarded address, as {@code api()}). */
    RequestSpecification api() {
        return RestAssured.given(new RequestSpecBuilder().setBaseUri("http://127.0.0.1:" + httpPort).build())
                .header("X-Forwarded-For", randomClientAddress());
    }

    RequestSpecification api(String bearerToken) {
        return api().header("Authorization", "Bearer " + bearerToken);
    }

    /** Stops the process where it stands (SIGSTOP), as a hung JVM or a network cut would: its sockets stay open. */
    void freeze() throws IOException, InterruptedException {
        signal("-STOP");
    }

    void thaw() throws IOException, InterruptedException {
        signal("-CONT");
    }

    /** Ends the process at once (SIGKILL), as a crash would: nothing of it runs after. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    private void signal(String signal) throws IOException, InterruptedException {
        int exit = new ProcessBuilder("kill", signal, String.valueOf(process.pid())).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("kill " + signal + " failed: " + exit);
        }
    }

    /** @return null once ready; else (the time is up, or the process ended) what {@code /health/ready} last said */
    private String awaitReady() throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + BOOT_TIMEOUT.toNanos();
        String lastAnswer = "none";
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                HttpResponse<String> answer = http.send(ready, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    return null;
                }
                lastAnswer = answer.statusCode() + " " + answer.body();
            } catch (IOException notYet) {
                lastAnswer = notYet.toString();
            }
            Thread.sleep(1000);
        }
        return process.isAlive() ? lastAnswer : lastAnswer + ", and the process ended with " + process.exitValue();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
