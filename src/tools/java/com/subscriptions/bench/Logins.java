package com.subscriptions.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Access tokens of some accounts, logged in again before they expire: an access token lives 15 minutes by default,
 * and the benchmark runs longer.
 */
final class Logins {

    private static final Duration RENEW_AFTER = Duration.ofMinutes(10);

    private final Api api;
    private final List<String> usernames;
    private final String password;
    private List<String> tokens = List.of();
    private long loggedInNanos;

    Logins(Api api, List<String> usernames, String password) {
        this.api = api;
        this.usernames = List.copyOf(usernames);
        this.password = password;
    }

    synchronized List<String> tokens() throws IOException, InterruptedException {
        if (tokens.isEmpty() || System.nanoTime() - loggedInNanos > RENEW_AFTER.toNanos()) {
            List<String> renewed = new ArrayList<>();
            for (String username : usernames) {
                renewed.add(api.login(username, password));
            }
            tokens = renewed;
            loggedInNanos = System.nanoTime();
        }
        return tokens;
    }

    String first() throws IOException, InterruptedException {
        return tokens().get(0);
    }

    /** The first account's id (the token's subject). */
    long firstId() throws IOException, InterruptedException {
        String claims = new String(java.util.Base64.getUrlDecoder().decode(first().split("\\.")[1]));
        return Long.parseLong(claims.replaceAll(".*\"sub\"\\s*:\\s*\"([0-9]+)\".*", "$1"));
    }
}
