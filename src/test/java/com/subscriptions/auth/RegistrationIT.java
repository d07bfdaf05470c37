package com.subscriptions.auth;

import com.subscriptions.IntegrationTest;
import com.subscriptions.TestUsers;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static com.subscriptions.ApiClient.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;

/** POST /auth/register (contract §2). */
class RegistrationIT extends IntegrationTest {

    private static Map<String, Object> newUser() {
        String name = "reg_" + UUID.randomUUID().toString().substring(0, 10);
        Map<String, Object> body = new HashMap<>();
        body.put("username", name);
        body.put("email", name + "@example.com");
        body.put("password", TestUsers.PASSWORD);
        return body;
    }

    private static Response register(Map<String, Object> body) {
        return api().contentType("application/json").body(body).post("/api/v1/auth/register");
    }

    @Test
    void createsTheAccountAndNeverReturnsThePassword() {
        Map<String, Object> body = newUser();
        Response created = register(body);
        created.then().statusCode(201)
                .header("Location", matchesPattern("https?://[^/]+/api/admin/users/\\d+"))
                .body("username", equalTo(body.get("username")))
                .body("email", equalTo(body.get("email")))
                .body("is_admin", equalTo(false))
                .body("email_verified", equalTo(false))
                .body("$", hasKey("created_at"))
                .body("$", hasKey("updated_at"));
        assertThat(created.asString()).doesNotContain(TestUsers.PASSWORD).doesNotContain("PBKDF2")
                .doesNotContain("password");
    }

    @Test
    void usernameAndEmailAreUniqueWhateverTheirCase() {
        Map<String, Object> body = newUser();
        register(body).then().statusCode(201);

        Map<String, Object> sameName = newUser();
        sameName.put("username", body.get("username").toString().toUpperCase());
        register(sameName).then().statusCode(409).body("detail", equalTo("Username or email already exists"));

        Map<String, Object> sameEmail = newUser();
        sameEmail.put("email", body.get("email").toString().toUpperCase());
        register(sameEmail).then().statusCode(409);
    }

    @Test
    void missingAndMalformedFieldsAre400NamingTheField() {
        Map<String, Object> noEmail = newUser();
        noEmail.remove("email");
        register(noEmail).then().statusCode(400).body("errors", hasKey("email"));

        Map<String, Object> badEmail = newUser();
        badEmail.put("email", "not-an-email");
        register(badEmail).then().statusCode(400).body("errors", hasKey("email"));

        Map<String, Object> badName = newUser();
        badName.put("username", "a b");
        register(badName).then().statusCode(400).body("errors", hasKey("username"));

        Map<String, Object> longName = newUser();
        longName.put("username", "x".repeat(51));
        register(longName).then().statusCode(400).body("errors", hasKey("username"));
    }

    @Test
    void weakPasswordsAreRefusedSayingWhichRule() {
        Map<String, Object> body = newUser();
        body.put("password", "Ab1-xyz");
        register(body).then().statusCode(400).body("errors.password", containsString("at least 8"));

        body.put("password", "password123");
        register(body).then().statusCode(400).body("errors.password", containsString("too common"));

        body.put("password", body.get("username") + "-Meadow-71");
        register(body).then().statusCode(400).body("errors.password", containsString("username"));
    }
}
