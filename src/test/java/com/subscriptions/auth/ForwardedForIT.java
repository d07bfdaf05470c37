package com.subscriptions.auth;

import com.subscriptions.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.subscriptions.ApiClient.from;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client address behind proxies: the test server trusts only 127.0.0.1 as a proxy, so of an X-Forwarded-For
 * chain only the right-most entry (the one its proxy appended) is the client; what a client writes to its left
 * picks no fresh rate-limit bucket, and garbage in it fails nothing.
 */
class ForwardedForIT extends IntegrationTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void forgedLeftMostEntriesShareTheBucketOfTheRealClient() {
        String client = "10.201." + RANDOM.nextInt(256) + "." + (1 + RANDOM.nextInt(254));
        List<Integer> statuses = new ArrayList<>();
        // 20 a minute for one address; the bucket refills as the attempts go (each login hashes for a while).
        for (int attempt = 0; attempt < 40 && !statuses.contains(429); attempt++) {
            String forged = "198.51." + RANDOM.nextInt(256) + "." + (1 + RANDOM.nextInt(254));
            statuses.add(from(forged + ", " + client).contentType("application/json")
                    .body(Map.of("username", "nobody_" + UUID.randomUUID(), "password", "Wrong-Password-1234"))
                    .post("/api/v1/auth/login").statusCode());
        }
        assertThat(statuses).containsOnly(401, 429).contains(429);
    }

    @Test
    void anOverlongOrMalformedForwardedForFailsNothing() {
        for (String header : new String[]{"x".repeat(600), "1.2.3.4.5, ::ffff:zz", ",,,", "example.com"}) {
            from(header).contentType("application/json")
                    .body(Map.of("username", "nobody_" + UUID.randomUUID(), "password", "Wrong-Password-1234"))
                    .post("/api/v1/auth/login").then().statusCode(401).contentType("application/problem+json");
        }
    }
}
