package com.subscriptions.webhook.control;

import com.subscriptions.webhook.entity.DeliveryAttempt;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Posts one signed delivery: connect and answer timeouts, no redirect followed (a 3xx is a failure), the
 * destination checked again first ({@link DestinationGuard}), at most the first {@link DeliveryAttempt#RESPONSE_LENGTH}
 * characters of the answer kept.
 */
@ApplicationScoped
public class WebhookClient {

    /** What one attempt gave: the status (none when nothing answered), the error, the answer's start, the time. */
    public record Outcome(Integer status, String error, String response, int latencyMillis) {
        public boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    @Inject
    WebhookSettings settings;

    private HttpClient http;
    private DestinationGuard guard;

    @PostConstruct
    void start() {
        http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
        guard = new DestinationGuard(settings.allowHttp(), settings.allowedAddresses());
    }

    public DestinationGuard guard() {
        return guard;
    }

    public Outcome post(String url, String messageId, List<String> secrets, String body, Instant now) {
        Optional<String> refused = guard.refusal(url);
        if (refused.isPresent()) {
            return new Outcome(null, "refused: the URL " + refused.get(), null, 0);
        }
        if (secrets.isEmpty()) {
            return new Outcome(null, "not sent: the endpoint's secret was sealed with another key than "
                    + "WEBHOOKS_SECRETS_KEY; rotate the secret", null, 0);
        }
        long timestamp = now.getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(settings.readTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "subscriptions-webhooks/1")
                .header("webhook-id", messageId)
                .header("webhook-timestamp", String.valueOf(timestamp))
                .header("webhook-signature", WebhookSigner.signature(secrets, messageId, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        long started = System.nanoTime();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String start;
            try (InputStream answer = response.body()) {
                start = new String(answer.readNBytes(DeliveryAttempt.RESPONSE_LENGTH), StandardCharsets.UTF_8);
            }
            int status = response.statusCode();
            return new Outcome(status, status >= 200 && status < 300 ? null : "answered " + status, start,
                    millisSince(started));
        } catch (HttpTimeoutException e) {
            return new Outcome(null, "no answer within " + settings.readTimeout().toMillis() + " ms", null,
                    millisSince(started));
        } catch (IOException e) {
            return new Outcome(null, e.getClass().getSimpleName() + ": " + e.getMessage(), null, millisSince(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "interrupted", null, millisSince(started));
        }
    }

    private static int millisSince(long startedNanos) {
        return (int) ((System.nanoTime() - startedNanos) / 1_000_000);
    }
}
