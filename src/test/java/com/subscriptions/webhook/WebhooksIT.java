package com.subscriptions.webhook;

import com.standardwebhooks.Webhook;
import com.subscriptions.IntegrationTest;
import com.subscriptions.TestCatalog;
import com.subscriptions.TestDatabase;
import com.subscriptions.TestUsers;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static com.subscriptions.ApiClient.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * Webhooks end to end: a real receiver on loopback (the test server allows 127.0.0.1 and http), deliveries verified
 * with the Standard Webhooks reference library, not with the service's own signer. Each test removes its endpoints,
 * so that no other test's writes are announced.
 */
class WebhooksIT extends IntegrationTest {

    private static final Duration WITHIN = Duration.ofSeconds(15);
    private static final long BASIC = 2;
    private static final long PRO = 3;

    private final List<Long> endpoints = new ArrayList<>();
    private Receiver receiver;

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = new Receiver();
    }

    @AfterEach
    void removeEndpointsAndReceiver() {
        endpoints.forEach(id -> admin().delete("/api/admin/webhooks/" + id));
        receiver.close();
    }

    private static RequestSpecification admin() {
        return api(TestUsers.admin().tokens().access()).contentType("application/json");
    }

    /** Registers the receiver for these types; returns the endpoint's id and secret. */
    private JsonPath register(List<String> types) {
        return register(receiver.url(), types);
    }

    private JsonPath register(String url, List<String> types) {
        JsonPath created = admin().body(Map.of("url", url, "description", "test receiver",
                        "event_types", types))
                .post("/api/admin/webhooks").then().statusCode(201)
                .header("Location", containsString("/api/admin/webhooks/"))
                .body("secret", startsWith("whsec_")).body("enabled", equalTo(true)).extract().jsonPath();
        endpoints.add(created.getLong("id"));
        return created;
    }

    private static void verify(String secret, Receiver.Received delivery) throws Exception {
        new Webhook(secret).verify(delivery.body(), delivery.headers());
    }

    @Test
    void aSubscriptionsLifecycleArrivesSignedAndInSequence() throws Exception {
        String secret = register(List.of("*")).getString("secret");
        TestUsers.Account account = TestUsers.register();
        String user = TestUsers.login(account).access();
        RequestSpecification asUser = api(user).contentType("application/json");

        asUser.body(Map.of("plan_id", TestCatalog.trialPlan())).post("/api/v1/subscriptions").then().statusCode(201);
        asUser.body(Map.of("plan_id", PRO)).post("/api/v1/subscriptions/upgrade").then().statusCode(200);
        asUser.body(Map.of()).post("/api/v1/subscriptions/cancel").then().statusCode(200);
        asUser.post("/api/v1/subscriptions/reactivate").then().statusCode(200);
        asUser.body(Map.of("at_period_end", false)).post("/api/v1/subscriptions/cancel").then().statusCode(200);

        List<Receiver.Received> mine = receiver.await(r -> r.body().contains("\"user_id\":" + account.id()), 6,
                WITHIN);
        assertThat(mine).hasSize(6);
        for (Receiver.Received delivery : mine) {
            verify(secret, delivery);
        }
        List<JsonPath> events = mine.stream().map(r -> new JsonPath(r.body()))
                .sorted(java.util.Comparator.comparingInt(e -> e.getInt("sequence"))).toList();
        assertThat(events).extracting(e -> e.getInt("sequence")).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(events).extracting(e -> e.getString("type")).containsExactly("subscription.created",
                "subscription.trial_started", "subscription.plan_changed", "subscription.cancel_scheduled",
                "subscription.reactivated", "subscription.canceled");
        JsonPath canceled = events.get(5);
        assertThat(canceled.getString("data.status")).isEqualTo("canceled");
        assertThat(canceled.getInt("data.plan_id")).isEqualTo((int) PRO);
        assertThat(canceled.getString("id")).isEqualTo(mine.stream().filter(r -> r.body().contains("canceled\""))
                .reduce((first, second) -> second).orElseThrow().messageId());
        assertThat(events.get(2).getString("data.plan.name")).isEqualTo("Pro Plan");
    }

    @Test
    void aPlanChangeIsAnnouncedWithThePlanAsTheApiShowsIt() throws Exception {
        String secret = register(List.of("plan.created", "plan.updated", "plan.deleted")).getString("secret");
        String name = "Hooked " + java.util.UUID.randomUUID().toString().substring(0, 8);
        long plan = admin().body(Map.of("name", name, "description", "before", "price", 7.5))
                .post("/api/v1/plans").then().statusCode(201).extract().jsonPath().getLong("id");
        admin().body(Map.of("description", "after")).put("/api/v1/plans/" + plan).then().statusCode(200);
        admin().delete("/api/v1/plans/" + plan).then().statusCode(204);

        List<Receiver.Received> deliveries = receiver.await(r -> r.body().contains(name), 3, WITHIN);
        assertThat(deliveries).extracting(r -> new JsonPath(r.body()).getString("type"))
                .containsExactlyInAnyOrder("plan.created", "plan.updated", "plan.deleted");
        for (Receiver.Received delivery : deliveries) {
            verify(secret, delivery);
        }
        String apiAfterUpdate = new JsonPath(deliveries.stream().filter(r -> r.body().contains("plan.updated"))
                .findFirst().orElseThrow().body()).getString("data.description");
        assertThat(apiAfterUpdate).isEqualTo("after");
    }

    @Test
    void aReceiverThatFailsThreeTimesGetsTheSameMessageUntilItAnswers2xx() throws Exception {
        long endpoint = register(List.of("subscription.created")).getLong("id");
        receiver.answering(500, 503, 429);
        TestUsers.Account account = TestUsers.register();
        api(TestUsers.login(account).access()).contentType("application/json").body(Map.of("plan_id", BASIC))
                .post("/api/v1/subscriptions").then().statusCode(201);

        List<Receiver.Received> attempts = receiver.await(r -> r.body().contains("\"user_id\":" + account.id()), 4,
                WITHIN);
        assertThat(attempts).hasSize(4);
        assertThat(attempts).extracting(Receiver.Received::messageId).containsOnly(attempts.get(0).messageId());
        assertThat(attempts).extracting(Receiver.Received::body).containsOnly(attempts.get(0).body());
        Thread.sleep(3_000);
        assertThat(receiver.all(r -> r.body().contains("\"user_id\":" + account.id()))).as("nothing after the 2xx")
                .hasSize(4);

        JsonPath delivery = admin().queryParam("message_id", attempts.get(0).messageId())
                .get("/api/admin/webhooks/deliveries").then().statusCode(200).extract().jsonPath();
        assertThat(delivery.getString("deliveries[0].status")).isEqualTo("delivered");
        assertThat(delivery.getInt("deliveries[0].attempts")).isEqualTo(4);
        assertThat(delivery.getLong("deliveries[0].endpoint_id")).isEqualTo(endpoint);
        admin().get("/api/admin/webhooks/deliveries/" + delivery.getLong("deliveries[0].id") + "/attempts").then()
                .statusCode(200).body("attempts.status_code", equalTo(List.of(500, 503, 429, 204)));
    }

    /**
     * Head-of-line blocking across endpoints: beside a receiver that never answers and one that refuses connections,
     * every event reaches the healthy receiver (one endpoint holds at most two sends; sent one after the other, the
     * hanging one alone would take the read timeout, 5 s, per event).
     */
    @Test
    void aReceiverThatIsDownHoldsUpNoOther() throws Exception {
        register(List.of("subscription.created"));
        try (Receiver hanging = new Receiver(); java.net.ServerSocket closed = new java.net.ServerSocket(0)) {
            Integer[] neverAnswer = new Integer[50];
            java.util.Arrays.fill(neverAnswer, Receiver.HANG);
            hanging.answering(neverAnswer);
            register(hanging.url(), List.of("subscription.created"));
            String refusing = "http://127.0.0.1:" + closed.getLocalPort() + "/hook";
            closed.close();
            register(refusing, List.of("subscription.created"));

            List<Long> users = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                TestUsers.Account account = TestUsers.register();
                api(TestUsers.login(account).access()).contentType("application/json").body(Map.of("plan_id", BASIC))
                        .post("/api/v1/subscriptions").then().statusCode(201);
                users.add(account.id());
            }

            java.util.function.Predicate<Receiver.Received> ours = r -> users.stream().anyMatch(
                    id -> id.equals(new JsonPath(r.body()).getObject("data.user_id", Long.class)));
            assertThat(receiver.await(ours, users.size(), WITHIN)).as("events at the healthy receiver")
                    .hasSize(users.size());
            assertThat(hanging.all(ours)).as("the hanging receiver was tried meanwhile").isNotEmpty();
        }
    }

    /**
     * Concurrent writes while deliveries are being sent: a send goes on with its endpoint's next due delivery, claimed
     * in the transaction that records the one before. Every event arrives, and well before a lease (60 s) would have
     * run out: a claimed delivery that is never sent (as when that transaction read deliveries written since its
     * snapshot began) would only be sent again after its lease.
     */
    @Test
    void aBurstOfConcurrentWritesArrivesWholeWithoutWaitingForALease() throws Exception {
        register(List.of("subscription.created", "subscription.canceled"));
        int writers = 6;
        int rounds = 4;
        List<TestUsers.Account> accounts = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            accounts.add(TestUsers.register());
        }
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (TestUsers.Account account : accounts) {
                RequestSpecification asUser = api(TestUsers.login(account).access()).contentType("application/json");
                done.add(pool.submit(() -> {
                    for (int round = 0; round < rounds; round++) {
                        asUser.body(Map.of("plan_id", BASIC)).post("/api/v1/subscriptions").then().statusCode(201);
                        asUser.body(Map.of("at_period_end", false)).post("/api/v1/subscriptions/cancel").then()
                                .statusCode(200);
                    }
                }));
            }
            for (Future<?> writer : done) {
                writer.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        List<Long> users = accounts.stream().map(TestUsers.Account::id).toList();
        java.util.function.Predicate<Receiver.Received> ours = r -> users.contains(
                new JsonPath(r.body()).getObject("data.user_id", Long.class));
        long deadline = System.nanoTime() + WITHIN.toNanos();
        long events;
        do {
            Thread.sleep(100);
            events = receiver.all(ours).stream().map(Receiver.Received::messageId).distinct().count();
        } while (events < writers * rounds * 2 && System.nanoTime() < deadline);
        assertThat(events).as("events at the receiver within " + WITHIN).isEqualTo(writers * rounds * 2);
    }

    @Test
    void aResendDeliversTheSameMessageAgain() throws Exception {
        long endpoint = register(List.of("*")).getLong("id");
        String messageId = admin().post("/api/admin/webhooks/" + endpoint + "/test").then().statusCode(202)
                .extract().path("message_id");
        assertThat(receiver.await(r -> messageId.equals(r.messageId()), 1, WITHIN)).hasSize(1);
        long delivery = admin().get("/api/admin/webhooks/" + endpoint + "/deliveries").then().statusCode(200)
                .body("deliveries[0].message_id", equalTo(messageId))
                .body("deliveries[0].event_type", equalTo("webhook.test")).extract().jsonPath()
                .getLong("deliveries[0].id");
        admin().post("/api/admin/webhooks/deliveries/" + delivery + "/resend").then().statusCode(202);
        assertThat(receiver.await(r -> messageId.equals(r.messageId()), 2, WITHIN)).hasSize(2);
    }

    @Test
    void afterARotationEitherSecretVerifiesDuringTheOverlap() throws Exception {
        JsonPath created = register(List.of("*"));
        long endpoint = created.getLong("id");
        JsonPath rotated = admin().post("/api/admin/webhooks/" + endpoint + "/rotate-secret").then().statusCode(200)
                .body("previous_secret_expires_at", org.hamcrest.Matchers.notNullValue()).extract().jsonPath();
        assertThat(rotated.getString("secret")).startsWith("whsec_").isNotEqualTo(created.getString("secret"));
        String messageId = admin().post("/api/admin/webhooks/" + endpoint + "/test").then().statusCode(202)
                .extract().path("message_id");
        Receiver.Received delivery = receiver.await(r -> messageId.equals(r.messageId()), 1, WITHIN).get(0);
        verify(created.getString("secret"), delivery);
        verify(rotated.getString("secret"), delivery);
        assertThatCode(() -> verify("whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]), delivery))
                .as("a third secret does not verify").isInstanceOf(Exception.class);
        assertThat(storedSecrets(endpoint)).as("the database keeps both secrets sealed").hasSize(2)
                .allSatisfy(stored -> assertThat(stored).startsWith("v1.")
                        .doesNotContain(created.getString("secret").substring("whsec_".length()))
                        .doesNotContain(rotated.getString("secret").substring("whsec_".length())));
    }

    private static List<String> storedSecrets(long endpoint) throws SQLException {
        try (Connection db = TestDatabase.connect(); PreparedStatement read = db.prepareStatement(
                "SELECT secret, previous_secret FROM webhook_endpoints WHERE id = ?")) {
            read.setLong(1, endpoint);
            try (ResultSet row = read.executeQuery()) {
                assertThat(row.next()).isTrue();
                return List.of(row.getString(1), row.getString(2));
            }
        }
    }

    @Test
    void internalAddressesAndBadFieldsAreRefusedNamingTheField() {
        for (String url : List.of("http://10.0.0.1/hook", "http://169.254.169.254/latest/meta-data",
                "http://192.168.1.10/hook", "http://[::1]/hook", "ftp://example.com/hook", "http://user:pw@127.0.0.1/x",
                "not a url")) {
            admin().body(Map.of("url", url, "event_types", List.of("*"))).post("/api/admin/webhooks").then()
                    .statusCode(400).contentType("application/problem+json").body("errors.url", org.hamcrest.Matchers.notNullValue());
        }
        admin().body(Map.of("url", receiver.url(), "event_types", List.of("subscription.exploded")))
                .post("/api/admin/webhooks").then().statusCode(400).body("errors.event_types", containsString("unknown"));
        admin().body(Map.of("url", receiver.url(), "event_types", List.of()))
                .post("/api/admin/webhooks").then().statusCode(400);
        admin().body(Map.of("event_types", List.of("*"))).post("/api/admin/webhooks").then().statusCode(400)
                .body("errors.url", org.hamcrest.Matchers.notNullValue());
        admin().body("{\"url\": \"" + receiver.url() + "\", \"event_types\": \"*\"}").post("/api/admin/webhooks")
                .then().statusCode(400);
        assertThat(admin().get("/api/admin/webhooks").jsonPath().getList("endpoints.url"))
                .doesNotContain("http://10.0.0.1/hook");
    }

    @Test
    void anEndpointCanBeDisabledChangedAndListed() {
        long endpoint = register(List.of("subscription.created")).getLong("id");
        admin().body(Map.of("enabled", false, "event_types", List.of("subscription.renewed")))
                .put("/api/admin/webhooks/" + endpoint).then().statusCode(200).body("enabled", equalTo(false))
                .body("event_types", equalTo(List.of("subscription.renewed")));
        admin().get("/api/admin/webhooks/" + endpoint).then().statusCode(200).body("secret", equalTo(null));
        admin().get("/api/admin/webhooks/event-types").then().statusCode(200)
                .body("$", org.hamcrest.Matchers.hasItem("subscription.trial_started"));
        admin().get("/api/admin/outbox").then().statusCode(200).body("failed", org.hamcrest.Matchers.notNullValue());
        api(TestUsers.login(TestUsers.register()).access()).get("/api/admin/webhooks").then().statusCode(403);
        api().get("/api/admin/webhooks").then().statusCode(401);
        admin().delete("/api/admin/webhooks/" + endpoint).then().statusCode(204);
        admin().get("/api/admin/webhooks/" + endpoint).then().statusCode(404);
    }
}
