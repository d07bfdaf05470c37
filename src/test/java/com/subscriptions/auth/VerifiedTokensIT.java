package com.subscriptions.auth;

import com.subscriptions.IntegrationTest;
import com.subscriptions.ScrapedMetrics;
import com.subscriptions.TestUsers;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static com.subscriptions.ApiClient.api;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bearer token verified once is found verified on its next requests (Payara asks an identity store, WildFly the
 * JWT parser), and stays subject to every check but the signature's: its type, its revocation, its roles. Any other
 * string, however close, is verified in full.
 */
class VerifiedTokensIT extends IntegrationTest {

    private static String verifiedToken() {
        String token = TestUsers.login(TestUsers.register()).access();
        api(token).get("/api/v1/subscriptions/history").then().statusCode(200);
        return token;
    }

    private static double hits() {
        return ScrapedMetrics.value(ScrapedMetrics.scrape(), "verified_tokens_total", "result=\"hit\"");
    }

    @Test
    void aTokenVerifiedOnceIsFoundVerifiedOnItsNextRequests() {
        String token = verifiedToken();
        double before = hits();
        api(token).get("/api/v1/subscriptions/history").then().statusCode(200);
        api(token).get("/api/v1/subscriptions/active").then().statusCode(404);
        assertThat(hits() - before).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aVerifiedTokenIsRefusedOnceRevoked() {
        String token = verifiedToken();
        api(token).post("/api/v1/auth/logout").then().statusCode(200);
        api(token).get("/api/v1/subscriptions/history").then().statusCode(401);
    }

    @Test
    void aVerifiedTokenKeepsItsRoleAndItsType() {
        String token = verifiedToken();
        api(token).get("/api/admin/users").then().statusCode(403);
        api(token).post("/api/v1/auth/refresh").then().statusCode(401);
    }

    @Test
    void anAlteredCopyOfAVerifiedTokenIsRefused() {
        String token = verifiedToken();
        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(claims).contains("\"groups\":[\"user\"]");
        String asAdmin = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                claims.replace("\"groups\":[\"user\"]", "\"groups\":[\"admin\",\"user\"]")
                        .getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        api(asAdmin).get("/api/admin/users").then().statusCode(401);
        char last = parts[2].charAt(parts[2].length() - 2);
        String otherSignature = token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A')
                + token.charAt(token.length() - 1);
        api(otherSignature).get("/api/v1/subscriptions/history").then().statusCode(401);
        api(token).get("/api/v1/subscriptions/history").then().statusCode(200);
    }
}
