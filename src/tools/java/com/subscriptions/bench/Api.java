package com.subscriptions.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** The service's HTTP API as the benchmark uses it: requests with a token, JSON answers. */
final class Api {

    private final String base;
    final HttpClient http;

    Api(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    HttpRequest get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET()
                .timeout(Duration.ofSeconds(30));
        return (token == null ? request : request.header("Authorization", "Bearer " + token)).build();
    }

    /** The path with {@code _debug} set to {@code mode} (true, explain): the server's profile, for an admin. */
    static String debugged(String path, String mode) {
        return path + (path.contains("?") ? "&" : "?") + "_debug=" + mode;
    }

    HttpRequest delete(String path, String token) {
        return HttpRequest.newBuilder(URI.create(base + path)).DELETE().header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30)).build();
    }

    HttpRequest post(String path, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.ofString(json)).header("Content-Type", "application/json")
                // Spread over addresses, as real clients are: the per-address login limit is not what is measured.
                .header("X-Forwarded-For", randomAddress())
                .timeout(Duration.ofSeconds(30));
        return (token == null ? request : request.header("Authorization", "Bearer " + token)).build();
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    JsonObject json(HttpRequest request, int expectedStatus) throws IOException, InterruptedException {
        HttpResponse<String> answer = send(request);
        if (answer.statusCode() != expectedStatus) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                    + answer.statusCode() + ": " + answer.body());
        }
        return Json.createReader(new StringReader(answer.body())).readObject();
    }

    String login(String username, String password) throws IOException, InterruptedException {
        return json(post("/api/v1/auth/login", null, "{\"username\":\"" + username + "\",\"password\":\""
                + password + "\"}"), 200).getString("access_token");
    }

    static String randomAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }
}
