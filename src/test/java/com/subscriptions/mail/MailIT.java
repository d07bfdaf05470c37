package com.subscriptions.mail;

import com.subscriptions.IntegrationTest;
import com.subscriptions.MailServer;
import com.subscriptions.Race;
import com.subscriptions.TestCatalog;
import com.subscriptions.TestDatabase;
import com.subscriptions.TestUsers;
import io.restassured.specification.RequestSpecification;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.subscriptions.ApiClient.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

/**
 * Mail end to end: the service sends through a real SMTP server (GreenMail, {@link MailServer}) and the tests read
 * the messages back, follow their tokens, and check the outbox in the database.
 */
class MailIT extends IntegrationTest {

    private static final Duration WITHIN = Duration.ofSeconds(15);
    private static final long BASIC = 2;
    private static final long PRO = 3;

    private static RequestSpecification json(String token) {
        return api(token).contentType("application/json");
    }

    private static RequestSpecification anonymous() {
        return api().contentType("application/json");
    }

    @Test
    void registrationMailsAVerificationLinkWhoseTokenVerifiesTheAddressOnce() throws Exception {
        TestUsers.Account account = TestUsers.register();
        MimeMessage mail = MailServer.await(account.email(), "Confirm your email address", WITHIN);
        assertThat(MailServer.part(mail, 0)).contains("Hello " + account.username(), account.email(),
                "/account/verify-email.html#token=");
        assertThat(MailServer.part(mail, 1)).contains("<a href=\"http", "Confirm my address");
        assertThat(mail.getHeader("Message-ID")[0]).matches("<[0-9a-f-]{36}@localhost>");
        String access = TestUsers.login(account).access();
        api(access).get("/api/v1/account").then().statusCode(200).body("email_verified", equalTo(false))
                .body("email_notifications", equalTo(true)).body("$", org.hamcrest.Matchers.not(hasKey("password_hash")));

        String token = MailServer.token(mail);
        List<Integer> statuses = Race.of(8, () -> anonymous().body(Map.of("token", token))
                .post("/api/v1/auth/verify-email").statusCode());
        assertThat(statuses).as("one use of the token wins").containsOnlyOnce(204).filteredOn(s -> s != 204)
                .containsOnly(400);
        api(access).get("/api/v1/account").then().body("email_verified", equalTo(true));
        anonymous().body(Map.of("token", token)).post("/api/v2/auth/verify-email").then().statusCode(400)
                .contentType("application/problem+json").body("errors.token", containsString("already used"));
        json(access).post("/api/v1/auth/verify-email/resend").then().statusCode(409);
    }

    @Test
    void aResentLinkRetiresTheEarlierOneAndResendsAreLimited() throws Exception {
        TestUsers.Account account = TestUsers.register();
        String first = MailServer.token(MailServer.await(account.email(), "Confirm", WITHIN));
        String access = TestUsers.login(account).access();
        json(access).post("/api/v1/auth/verify-email/resend").then().statusCode(202);
        awaitMails(account.email(), 2);
        String second = MailServer.token(MailServer.to(account.email()).get(1));
        assertThat(second).isNotEqualTo(first);
        anonymous().body(Map.of("token", first)).post("/api/v1/auth/verify-email").then().statusCode(400);
        for (int resend = 2; resend <= 5; resend++) {
            json(access).post("/api/v1/auth/verify-email/resend").then().statusCode(202);
        }
        json(access).post("/api/v1/auth/verify-email/resend").then().statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
        awaitMails(account.email(), 6);
        anonymous().body(Map.of("token", MailServer.token(MailServer.to(account.email()).get(5))))
                .post("/api/v1/auth/verify-email").then().statusCode(204);
    }

    @Test
    void aPasswordResetSaysNothingAboutUnknownAddressesAndEndsEverySession() throws Exception {
        anonymous().body(Map.of("email", "nobody-" + System.nanoTime() + "@example.com"))
                .post("/api/v1/auth/password-reset").then().statusCode(202);
        TestUsers.Account account = TestUsers.register();
        TestUsers.Tokens before = TestUsers.login(account);
        anonymous().body(Map.of("email", account.email().toUpperCase())).post("/api/v1/auth/password-reset")
                .then().statusCode(202);
        MimeMessage mail = MailServer.await(account.email(), "Reset your password", WITHIN);
        String token = MailServer.token(mail);
        assertThat(MailServer.part(mail, 0)).contains("/account/reset-password.html#token=", "30 minutes");

        anonymous().body(Map.of("token", token, "password", "password123")).post("/api/v1/auth/password-reset/confirm")
                .then().statusCode(400).contentType("application/problem+json").body("errors", hasKey("password"));
        String newPassword = "Violet-Harbour-Engine-42";
        anonymous().body(Map.of("token", token, "password", newPassword)).post("/api/v1/auth/password-reset/confirm")
                .then().statusCode(204);
        anonymous().body(Map.of("token", token, "password", "Another-Harbour-Engine-43"))
                .post("/api/v1/auth/password-reset/confirm").then().statusCode(400).body("errors", hasKey("token"));

        api(before.access()).get("/api/v1/account").then().statusCode(401);
        api(before.refresh()).post("/api/v1/auth/refresh").then().statusCode(401);
        anonymous().body(Map.of("username", account.username(), "password", TestUsers.PASSWORD))
                .post("/api/v1/auth/login").then().statusCode(401);
        String access = TestUsers.login(account.username(), newPassword).access();
        api(access).get("/api/v1/account").then().statusCode(200).body("email_verified", equalTo(true));
    }

    @Test
    void subscriptionChangesAreNotifiedOnceEachInTextAndHtml() throws Exception {
        TestUsers.Account account = TestUsers.register();
        String access = TestUsers.login(account).access();
        long id = json(access).body(Map.of("plan_id", BASIC)).post("/api/v1/subscriptions").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        json(access).body(Map.of("plan_id", PRO, "prorate", false)).post("/api/v1/subscriptions/upgrade")
                .then().statusCode(200);
        MimeMessage changed = MailServer.await(account.email(), "is now on", WITHIN);
        assertThat(MailServer.part(changed, 0)).contains("changed from Basic Plan to Pro Plan");
        assertThat(MailServer.part(changed, 1)).contains("<strong>Basic Plan</strong>", "<strong>Pro Plan</strong>");

        json(access).body(Map.of("at_period_end", true)).post("/api/v1/subscriptions/cancel").then().statusCode(200);
        assertThat(MailServer.part(MailServer.await(account.email(), "ends on", WITHIN), 0))
                .contains("will not renew");
        json(access).post("/api/v1/subscriptions/reactivate").then().statusCode(200);

        expirePeriod(id);
        api(TestUsers.admin().tokens().access()).post("/api/admin/lifecycle/run").then().statusCode(200);
        MailServer.await(account.email(), "was renewed", WITHIN);

        json(access).body(Map.of("at_period_end", false)).post("/api/v1/subscriptions/cancel").then().statusCode(200);
        MailServer.await(account.email(), "has ended", WITHIN);
        assertThat(kinds(account.id())).containsExactly("verify_email", "plan_changed", "cancel_scheduled", "renewed",
                "subscription_ended");
    }

    @Test
    void aTrialEndingInThreeDaysIsRemindedOnceWhateverTheRuns() throws Exception {
        TestUsers.Account account = TestUsers.register();
        String access = TestUsers.login(account).access();
        long id = json(access).body(Map.of("plan_id", TestCatalog.trialPlan())).post("/api/v1/subscriptions")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        String admin = TestUsers.admin().tokens().access();
        api(admin).post("/api/admin/lifecycle/run").then().statusCode(200);
        assertThat(kinds(account.id())).as("14 days ahead: no reminder yet").doesNotContain("trial_ending");
        try (Connection db = TestDatabase.connect(); PreparedStatement update = db.prepareStatement(
                "UPDATE user_subscriptions SET current_period_end = UTC_TIMESTAMP(6) + INTERVAL 2 DAY, "
                        + "trial_end_date = UTC_TIMESTAMP(6) + INTERVAL 2 DAY WHERE id = ?")) {
            update.setLong(1, id);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
        Race.of(3, () -> api(admin).post("/api/admin/lifecycle/run").statusCode());
        api(admin).post("/api/admin/lifecycle/run").then().statusCode(200);
        MimeMessage reminder = MailServer.await(account.email(), "trial ends on", WITHIN);
        assertThat(MailServer.part(reminder, 0)).contains("continues on the paid plan",
                "/account/unsubscribe.html#token=");
        assertThat(kinds(account.id()).stream().filter("trial_ending"::equals)).hasSize(1);
    }

    @Test
    void anOptedOutUserGetsNoNotificationsButStillTheEssentialMails() throws Exception {
        TestUsers.Account account = TestUsers.register();
        String access = TestUsers.login(account).access();
        json(access).body(Map.of("enabled", "no")).put("/api/v1/account/notifications").then().statusCode(400);
        json(access).body(Map.of("enabled", false)).put("/api/v1/account/notifications").then().statusCode(200)
                .body("email_notifications", equalTo(false));
        json(access).body(Map.of("plan_id", BASIC)).post("/api/v1/subscriptions").then().statusCode(201);
        json(access).body(Map.of("at_period_end", true)).post("/api/v1/subscriptions/cancel").then().statusCode(200);
        json(access).post("/api/v1/auth/verify-email/resend").then().statusCode(202);
        assertThat(kinds(account.id())).containsExactly("verify_email", "verify_email");
        awaitMails(account.email(), 2);
    }

    @Test
    void theOptOutLinkOfANotificationTurnsThemOffAndAForgedOneDoesNot() throws Exception {
        TestUsers.Account account = TestUsers.register();
        String access = TestUsers.login(account).access();
        json(access).body(Map.of("plan_id", BASIC)).post("/api/v1/subscriptions").then().statusCode(201);
        json(access).body(Map.of("at_period_end", true)).post("/api/v1/subscriptions/cancel").then().statusCode(200);
        String token = MailServer.token(MailServer.await(account.email(), "ends on", WITHIN));
        assertThat(token).startsWith(account.id() + ".");
        String forged = (account.id() + 1) + token.substring(token.indexOf('.'));
        anonymous().body(Map.of("token", forged)).post("/api/v1/account/unsubscribe").then().statusCode(400)
                .body("errors", hasKey("token"));
        anonymous().body(Map.of("token", token)).post("/api/v1/account/unsubscribe").then().statusCode(204);
        api(access).get("/api/v1/account").then().body("email_notifications", equalTo(false));
        json(access).post("/api/v1/subscriptions/reactivate").then().statusCode(200);
        json(access).body(Map.of("at_period_end", true)).post("/api/v1/subscriptions/cancel").then().statusCode(200);
        assertThat(kinds(account.id()).stream().filter("cancel_scheduled"::equals)).hasSize(1);
    }

    @Test
    void aMailWrittenWhileTheSmtpServerIsDownIsSentOnceItIsBack() throws Exception {
        TestUsers.Account account;
        MailServer.stop();
        try {
            account = TestUsers.register();
            long deadline = System.nanoTime() + WITHIN.toNanos();
            while (attemptsOfFirstMail(account.id()) == 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(attemptsOfFirstMail(account.id())).as("attempts while the SMTP server was down").isPositive();
        } finally {
            MailServer.start();
        }
        MimeMessage mail = MailServer.await(account.email(), "Confirm your email address", WITHIN);
        anonymous().body(Map.of("token", MailServer.token(mail))).post("/api/v1/auth/verify-email").then()
                .statusCode(204);
        long mailId = api(TestUsers.admin().tokens().access()).queryParam("user_id", account.id())
                .get("/api/admin/mail").jsonPath().getLong("messages[0].id");
        assertThat(awaitSent(mailId).getInt("attempts")).as("attempts, the last one sent").isGreaterThan(1);
    }

    /** The mail once its sending is recorded (a moment after the SMTP server took it). */
    private static io.restassured.path.json.JsonPath awaitSent(long mailId) throws InterruptedException {
        String admin = TestUsers.admin().tokens().access();
        long deadline = System.nanoTime() + WITHIN.toNanos();
        io.restassured.path.json.JsonPath mail = api(admin).get("/api/admin/mail/" + mailId).jsonPath();
        while (!"sent".equals(mail.getString("status")) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            mail = api(admin).get("/api/admin/mail/" + mailId).jsonPath();
        }
        assertThat(mail.getString("status")).isEqualTo("sent");
        return mail;
    }

    private static int attemptsOfFirstMail(long userId) throws Exception {
        try (Connection db = TestDatabase.connect(); PreparedStatement query = db.prepareStatement(
                "SELECT attempts FROM outbox_mail WHERE user_id = ? ORDER BY id LIMIT 1")) {
            query.setLong(1, userId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getInt(1) : 0;
            }
        }
    }

    @Test
    void theAdminSeesTheOutboxAndASentMailsBodiesWhileTheyAreKept() throws Exception {
        TestUsers.Account account = TestUsers.register();
        MailServer.await(account.email(), "Confirm", WITHIN);
        String admin = TestUsers.admin().tokens().access();
        api(admin).get("/api/admin/mail/status").then().statusCode(200).body("enabled", equalTo(true))
                .body("smtp_server", containsString("127.0.0.1:")).body("outbox", hasKey("lag_seconds"));
        var listed = api(admin).queryParam("user_id", account.id()).get("/api/admin/mail").then().statusCode(200)
                .body("messages.size()", equalTo(1)).body("messages[0].recipient", equalTo(account.email()))
                .body("messages[0].kind", equalTo("verify_email")).body("messages[0].text_body", equalTo(null))
                .extract().jsonPath();
        long mailId = listed.getLong("messages[0].id");
        awaitSent(mailId);
        api(admin).get("/api/admin/mail/" + mailId).then().statusCode(200)
                .body("text_body", containsString("verify-email.html#token="))
                .body("html_body", containsString("<html")).body("attempts", equalTo(1));
        api(admin).queryParam("limit", "0").get("/api/admin/mail").then().statusCode(400);
        api(TestUsers.login(account).access()).get("/api/admin/mail").then().statusCode(403);
    }

    private static void awaitMails(String address, int count) throws InterruptedException {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (MailServer.to(address).size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(MailServer.to(address)).hasSize(count);
    }

    /** The kinds of the user's mails in the outbox, oldest first: what was written, whether or not sent yet. */
    private static List<String> kinds(long userId) throws Exception {
        try (Connection db = TestDatabase.connect(); PreparedStatement query = db.prepareStatement(
                "SELECT kind FROM outbox_mail WHERE user_id = ? ORDER BY id")) {
            query.setLong(1, userId);
            try (ResultSet rows = query.executeQuery()) {
                List<String> kinds = new java.util.ArrayList<>();
                while (rows.next()) {
                    kinds.add(rows.getString(1));
                }
                return kinds;
            }
        }
    }

    private static void expirePeriod(long subscriptionId) throws Exception {
        try (Connection db = TestDatabase.connect(); PreparedStatement update = db.prepareStatement(
                "UPDATE user_subscriptions SET current_period_end = UTC_TIMESTAMP(6) - INTERVAL 1 MINUTE WHERE id = ?")) {
            update.setLong(1, subscriptionId);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
