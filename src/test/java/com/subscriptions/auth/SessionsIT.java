package com.subscriptions.auth;

import com.subscriptions.ForeignRevocations;
import com.subscriptions.IntegrationTest;
import com.subscriptions.Race;
import com.subscriptions.TestDatabase;
import com.subscriptions.TestUsers.Account;
import com.subscriptions.TestUsers.Tokens;
import com.subscriptions.TestUsers;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;

import static com.subscriptions.ApiClient.api;
import static com.subscriptions.ApiClient.from;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** Login, refresh with rotation and reuse detection, logout and revocation, roles (contract §2). */
class SessionsIT extends IntegrationTest {

    @Test
    void loginByUsernameOrEmailAnswersTheContractFields() {
        Account account = TestUsers.register();
        for (String name : new String[]{account.username(), account.email()}) {
            api().contentType("application/json").body(Map.of("username", name, "password", TestUsers.PASSWORD))
                    .post("/api/v1/auth/login").then().statusCode(200)
                    .body("access_token", notNullValue())
                    .body("refresh_token", notNullValue())
                    .body("token_type", equalTo("Bearer"))
                    .body("expires_in", equalTo(900))
                    .body("user_id", equalTo((int) account.id()))
                    .body("username", equalTo(account.username()))
                    .body("is_admin", equalTo(false));
        }
    }

    @Test
    void unknownUserAndWrongPasswordGetTheSameAnswer() {
        Account account = TestUsers.register();
        String wrongPassword = api().contentType("application/json")
                .body(Map.of("username", account.username(), "password", "Wrong-Password-1234"))
                .post("/api/v1/auth/login").then().statusCode(401).contentType("application/problem+json")
                .extract().path("detail");
        String unknownUser = api().contentType("application/json")
                .body(Map.of("username", "nobody_" + account.username(), "password", "Wrong-Password-1234"))
                .post("/api/v1/auth/login").then().statusCode(401).extract().path("detail");
        assertThat(wrongPassword).isEqualTo(unknownUser).isEqualTo("Invalid username/email or password");
    }

    @Test
    void missingLoginFieldIs400() {
        api().contentType("application/json").body(Map.of("username", "someone")).post("/api/v1/auth/login")
                .then().statusCode(400).body("errors.password", notNullValue());
    }

    @Test
    void refreshRotatesAndAReusedRefreshTokenRevokesTheWholeFamily() {
        Tokens first = TestUsers.login(TestUsers.register());
        Tokens second = refresh(first.refresh());
        assertThat(second.access()).isNotEqualTo(first.access());
        assertThat(second.refresh()).isNotEqualTo(first.refresh());
        api(second.access()).get("/api/admin/users/1").then().statusCode(403);

        // The first refresh token, replayed: a copy. Everything of that login is revoked.
        api(first.refresh()).post("/api/v1/auth/refresh").then().statusCode(401);
        api(second.refresh()).post("/api/v1/auth/refresh").then().statusCode(401);
        api(second.access()).post("/api/v1/auth/logout").then().statusCode(401);
    }

    /** Single use holds under concurrency: a stolen token raced against its owner yields no second session. */
    @Test
    void concurrentRefreshesWithOneTokenSucceedExactlyOnce() throws Exception {
        Tokens tokens = TestUsers.login(TestUsers.register());
        // As many racers as the test server's per-account limit allows: no answer is a 429.
        List<Integer> statuses = Race.of(8, () -> api(tokens.refresh()).post("/api/v1/auth/refresh").statusCode());
        assertThat(statuses).containsOnly(200, 401).filteredOn(status -> status == 200).hasSize(1);
    }

    /** The family stays revoked until its newest token has expired, not just the replayed one. */
    @Test
    void aReplayRevokesTheFamilyUntilItsNewestTokenExpires() throws Exception {
        Account account = TestUsers.register();
        Tokens first = TestUsers.login(account);
        refresh(first.refresh());
        api(first.refresh()).post("/api/v1/auth/refresh").then().statusCode(401);
        try (Connection db = TestDatabase.connect();
             PreparedStatement query = db.prepareStatement("SELECT r.expires_at >= (SELECT MAX(t.expires_at) "
                     + "FROM refresh_tokens t WHERE t.family_id = r.family_id) FROM token_revocations r "
                     + "WHERE r.user_id = ? AND r.reason = 'refresh_reuse'")) {
            query.setLong(1, account.id());
            try (ResultSet revocation = query.executeQuery()) {
                assertThat(revocation.next()).isTrue();
                assertThat(revocation.getBoolean(1)).isTrue();
            }
        }
    }

    /**
     * Another instance's revocation whose row carries an old time (its clock is behind, or its transaction
     * committed late) is still applied here: instances read revocations by id, not by time.
     */
    @Test
    void aRevocationWithAnOldTimestampFromElsewhereIsStillApplied() throws Exception {
        Account account = TestUsers.register();
        Tokens tokens = TestUsers.login(account);
        api(tokens.access()).get("/api/v1/subscriptions/history").then().statusCode(200);
        ForeignRevocations.revoke(account, tokens.access());
        assertThat(ForeignRevocations.statusOnceRefused(tokens.access())).isEqualTo(401);
    }

    @Test
    void logoutRevokesTheAccessTokenAndItsRefreshFamily() {
        Tokens tokens = TestUsers.login(TestUsers.register());
        api(tokens.access()).post("/api/v1/auth/logout").then().statusCode(200)
                .body("message", equalTo("Successfully logged out"));
        api(tokens.access()).post("/api/v1/auth/logout").then().statusCode(401)
                .contentType("application/problem+json");
        api(tokens.refresh()).post("/api/v1/auth/refresh").then().statusCode(401);
    }

    @Test
    void otherSessionsSurviveALogout() {
        Account account = TestUsers.register();
        Tokens phone = TestUsers.login(account);
        Tokens laptop = TestUsers.login(account);
        api(phone.access()).post("/api/v1/auth/logout").then().statusCode(200);
        refresh(laptop.refresh());
    }

    @Test
    void adminsChangeRolesAndTheRoleSurvivesARefresh() {
        Account account = TestUsers.register();
        Tokens admin = TestUsers.admin().tokens();
        api(admin.access()).contentType("application/json").body(Map.of("is_admin", true))
                .put("/api/admin/users/" + account.id() + "/roles").then().statusCode(200)
                .body("is_admin", equalTo(true));

        Tokens promoted = TestUsers.login(account);
        Tokens refreshed = refresh(promoted.refresh());
        api(refreshed.access()).get("/api/admin/users/" + account.id()).then().statusCode(200)
                .body("username", equalTo(account.username()));

        // Removing the role ends the sessions that carried it.
        api(admin.access()).contentType("application/json").body(Map.of("is_admin", false))
                .put("/api/admin/users/" + account.id() + "/roles").then().statusCode(200)
                .body("is_admin", equalTo(false));
        api(refreshed.access()).get("/api/admin/users/" + account.id()).then().statusCode(401);
    }

    @Test
    void nobodyChangesTheirOwnRole() {
        Account account = TestUsers.register();
        Tokens user = TestUsers.login(account);
        api(user.access()).contentType("application/json").body(Map.of("is_admin", true))
                .put("/api/admin/users/" + account.id() + "/roles").then().statusCode(403);

        TestUsers.Session admin = TestUsers.admin();
        api(admin.tokens().access()).contentType("application/json").body(Map.of("is_admin", false))
                .put("/api/admin/users/" + admin.userId() + "/roles").then().statusCode(403)
                .body("detail", equalTo("You cannot change your own role"));
    }

    @Test
    void everyVersionAnswersAuth() {
        Account account = TestUsers.register();
        for (String version : new String[]{"v2", "v3"}) {
            api().contentType("application/json").body(Map.of("username", account.username(), "password",
                            TestUsers.PASSWORD))
                    .post("/api/" + version + "/auth/login").then().statusCode(200)
                    .body("username", equalTo(account.username()));
        }
    }

    @Test
    void loginsAreAudited() throws Exception {
        Account account = TestUsers.register();
        TestUsers.login(account);
        from("198.51.100.7").contentType("application/json")
                .body(Map.of("username", account.username(), "password", "Not-The-Password-42"))
                .post("/api/v1/auth/login").then().statusCode(401);
        try (Connection db = TestDatabase.connect(); PreparedStatement query = db.prepareStatement(
                "SELECT action, client_address, request_id FROM audit_events WHERE actor = ? ORDER BY id")) {
            query.setString(1, account.username());
            try (ResultSet rs = query.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("action")).isEqualTo("register");
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("action")).isEqualTo("login");
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("action")).isEqualTo("login_failed");
                assertThat(rs.getString("client_address")).isEqualTo("198.51.100.7");
                assertThat(rs.getString("request_id")).isNotBlank();
            }
        }
    }

    @Test
    void tooManyLoginsForOneAccountAre429WithRetryAfter() {
        Account account = TestUsers.register();
        int status = 0;
        for (int attempt = 0; attempt < 12 && status != 429; attempt++) {
            status = api().contentType("application/json")
                    .body(Map.of("username", account.username(), "password", "Not-The-Password-42"))
                    .post("/api/v1/auth/login").then().extract().statusCode();
        }
        assertThat(status).isEqualTo(429);
        api().contentType("application/json")
                .body(Map.of("username", account.username(), "password", TestUsers.PASSWORD))
                .post("/api/v1/auth/login").then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue());
    }

    /**
     * One account, one allowance: spellings the lookup treats as the same account (case, a trailing space, the
     * email) and attempts from different addresses all count against it; successful logins do not.
     */
    @Test
    void failedLoginsCountOnTheAccountWhateverItsSpellingAndAddress() {
        Account account = TestUsers.register();
        TestUsers.login(account);
        TestUsers.login(account);
        String[] spellings = {account.username(), account.username().toUpperCase(java.util.Locale.ROOT),
                account.username() + " ", account.email()};
        for (int attempt = 0; attempt < 8; attempt++) {
            api().contentType("application/json")
                    .body(Map.of("username", spellings[attempt % spellings.length], "password", "Not-The-Password-42"))
                    .post("/api/v1/auth/login").then().statusCode(401);
        }
        api().contentType("application/json").body(Map.of("username", account.email(), "password", TestUsers.PASSWORD))
                .post("/api/v1/auth/login").then().statusCode(429).header("Retry-After", notNullValue());
    }

    @Test
    void tooManyAttemptsFromOneAddressAre429() {
        int status = 0;
        for (int attempt = 0; attempt < 30 && status != 429; attempt++) {
            status = from("203.0.113.9").contentType("application/json")
                    .body(Map.of("username", "flood" + attempt, "email", "flood" + attempt + "@example.com", "password", "p"))
                    .post("/api/v1/auth/register").then().extract().statusCode();
        }
        assertThat(status).isEqualTo(429);
    }

    private static Tokens refresh(String refreshToken) {
        var answer = api(refreshToken).post("/api/v1/auth/refresh").then().statusCode(200)
                .body("token_type", equalTo("Bearer")).body("access_token", not(equalTo(refreshToken)))
                .extract().jsonPath();
        return new Tokens(answer.getString("access_token"), answer.getString("refresh_token"));
    }
}
