package com.subscriptions.webhook.control;

import com.standardwebhooks.Webhook;
import org.junit.jupiter.api.Test;

import java.net.http.HttpHeaders;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The service's signatures, checked by the Standard Webhooks reference library. */
class WebhookSignerTest {

    private static HttpHeaders headers(String id, long timestamp, String signature) {
        return HttpHeaders.of(Map.of("webhook-id", List.of(id), "webhook-timestamp", List.of(String.valueOf(timestamp)),
                "webhook-signature", List.of(signature)), (name, value) -> true);
    }

    @Test
    void theReferenceLibraryVerifiesEachSecretOfARotation() throws Exception {
        String current = WebhookSigner.newSecret();
        String previous = WebhookSigner.newSecret();
        long now = Instant.now().getEpochSecond();
        String body = "{\"type\":\"subscription.created\",\"data\":{\"id\":7}}";
        String signature = WebhookSigner.signature(List.of(current, previous), "msg_1", now, body);

        assertThat(signature.split(" ")).hasSize(2).allMatch(part -> part.startsWith("v1,"));
        new Webhook(current).verify(body, headers("msg_1", now, signature));
        new Webhook(previous).verify(body, headers("msg_1", now, signature));
        assertThatThrownBy(() -> new Webhook(WebhookSigner.newSecret()).verify(body, headers("msg_1", now, signature)))
                .isInstanceOf(Exception.class);
        assertThatThrownBy(() -> new Webhook(current).verify(body + " ", headers("msg_1", now, signature)))
                .as("a changed body").isInstanceOf(Exception.class);
    }

    @Test
    void secretsAreRandomAndCarryThePrefix() {
        assertThat(WebhookSigner.newSecret()).startsWith("whsec_").isNotEqualTo(WebhookSigner.newSecret())
                .hasSize("whsec_".length() + 44);
    }
}
