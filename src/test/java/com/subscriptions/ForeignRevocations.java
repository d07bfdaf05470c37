package com.subscriptions;

import io.restassured.path.json.JsonPath;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import static com.subscriptions.ApiClient.api;

/**
 * Revocations written as another instance would: straight into the database, with a revoked_at an hour old (a clock
 * behind, or a transaction that committed late), for the tests of how instances learn of them.
 */
public final class ForeignRevocations {

    private ForeignRevocations() {
    }

    /** Revokes the access token by its jti, as another instance would. */
    public static void revoke(TestUsers.Account account, String accessToken) throws Exception {
        String payload = new String(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]), StandardCharsets.UTF_8);
        try (Connection db = TestDatabase.connect();
             PreparedStatement revoke = db.prepareStatement("INSERT INTO token_revocations (jti, user_id, reason, "
                     + "expires_at, revoked_at) VALUES (?, ?, 'logout', UTC_TIMESTAMP(6) + INTERVAL 1 HOUR, "
                     + "UTC_TIMESTAMP(6) - INTERVAL 1 HOUR)")) {
            revoke.setString(1, JsonPath.from(payload).getString("jti"));
            revoke.setLong(2, account.id());
            revoke.executeUpdate();
        }
    }

    /** @return the status of a protected read with the token, once it is no longer 200 or after 10 s */
    public static int statusOnceRefused(String accessToken) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        int status = api(accessToken).get("/api/v1/subscriptions/history").statusCode();
        while (status == 200 && System.nanoTime() < deadline) {
            Thread.sleep(250);
            status = api(accessToken).get("/api/v1/subscriptions/history").statusCode();
        }
        return status;
    }
}
