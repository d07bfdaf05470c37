package com.subscriptions;

import io.restassured.path.json.JsonPath;

import java.util.Map;
import java.util.UUID;

import static com.subscriptions.ApiClient.api;

/** Accounts made over the API for the integration tests, each with a unique name. */
public final class TestUsers {

    public static final String PASSWORD = "Quartz-Lantern-Meadow-71";

    private TestUsers() {
    }

    public record Account(long id, String username, String email) {
    }

    public record Tokens(String access, String refresh) {
    }

    public static Account register() {
        String username = "user_" + UUID.randomUUID().toString().substring(0, 12);
        JsonPath created = api().contentType("application/json")
                .body(Map.of("username", username, "email", username + "@example.com", "password", PASSWORD))
                .post("/api/v1/auth/register").then().statusCode(201).extract().jsonPath();
        return new Account(created.getLong("id"), username, username + "@example.com");
    }

    /** A new account with the admin role (granted by the admin account), for what only admins may see. */
    public static Account registerAdmin() {
        Account account = register();
        api(admin().tokens().access()).contentType("application/json").body(Map.of("is_admin", true))
                .put("/api/admin/users/" + account.id() + "/roles").then().statusCode(200);
        return account;
    }

    public static Tokens login(String username, String password) {
        JsonPath tokens = api().contentType("application/json")
                .body(Map.of("username", username, "password", password))
                .post("/api/v1/auth/login").then().statusCode(200).extract().jsonPath();
        return new Tokens(tokens.getString("access_token"), tokens.getString("refresh_token"));
    }

    /** Follows the account's verification mail: its address is verified. */
    public static void verifyEmail(Account account) throws Exception {
        String token = MailServer.token(MailServer.await(account.email(), "Confirm your email address",
                java.time.Duration.ofSeconds(15)));
        api().contentType("application/json").body(Map.of("token", token)).post("/api/v1/auth/verify-email")
                .then().statusCode(204);
    }

    public static Tokens login(Account account) {
        return login(account.username(), PASSWORD);
    }

    public record Session(long userId, Tokens tokens) {
    }

    private static Session admin;

    /**
     * A session of the admin account the service created at its first start (with the password the build gave
     * it); logged in once for the whole run, to stay within the per-account login limit.
     */
    public static synchronized Session admin() {
        if (admin == null) {
            JsonPath login = api().contentType("application/json")
                    .body(Map.of("username", "admin", "password", System.getenv("ADMIN_PASSWORD")))
                    .post("/api/v1/auth/login").then().statusCode(200).extract().jsonPath();
            admin = new Session(login.getLong("user_id"),
                    new Tokens(login.getString("access_token"), login.getString("refresh_token")));
        }
        return admin;
    }
}
