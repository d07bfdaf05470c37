package com.subscriptions.webhook.control;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The client against a real HTTP server on loopback (allowed here, as the integration tests allow it). */
class WebhookClientTest {

    private final AtomicInteger received = new AtomicInteger();
    private HttpServer receiver;
    private WebhookClient client;

    @BeforeEach
    void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        WebhookSettings settings = new WebhookSettings();
        settings.allowHttp = true;
        settings.allowedAddresses = Optional.of("127.0.0.1");
        settings.connectTimeoutMillis = 2000;
        settings.readTimeoutMillis = 2000;
        settings.retryDelaysSeconds = RetrySchedule.DEFAULT_SECONDS;
        settings.parse();
        client = new WebhookClient();
        client.settings = settings;
        client.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    @Test
    void aDeliveryWithASecretIsSentAndDelivered() {
        WebhookClient.Outcome outcome = client.post(url(), "msg_1", List.of(WebhookSigner.newSecret()), "{}",
                Instant.now());
        assertThat(outcome.delivered()).isTrue();
        assertThat(received.get()).isEqualTo(1);
    }

    @Test
    void aDeliveryWithNoSecretThatOpensIsNotSentAndFailsSayingWhy() {
        WebhookClient.Outcome outcome = client.post(url(), "msg_1", List.of(), "{}", Instant.now());
        assertThat(outcome.delivered()).isFalse();
        assertThat(outcome.error()).contains("WEBHOOKS_SECRETS_KEY").contains("rotate");
        assertThat(received.get()).as("nothing unsigned leaves").isZero();
    }
}
