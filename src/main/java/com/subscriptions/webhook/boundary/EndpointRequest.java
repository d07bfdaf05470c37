package com.subscriptions.webhook.boundary;

import com.subscriptions.webhook.control.DestinationGuard;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * {@code {"url", "description", "event_types", "enabled"}}: to create an endpoint (url and event_types required,
 * enabled ignored) or to change one (each optional). A class rather than a record (Payara's OpenAPI scanner).
 */
public class EndpointRequest {

    @Schema(description = "Where to post: https, resolving to public addresses only (unless the settings allow more)")
    @Size(min = 1, max = DestinationGuard.MAX_URL_LENGTH)
    public String url;

    @Schema(description = "What it is for, for the admins")
    @Size(max = 500)
    public String description;

    @Schema(description = "The event types to receive (listWebhookEventTypes), or [\"*\"] for all",
            type = SchemaType.ARRAY, implementation = String.class)
    @Size(min = 1, max = 20)
    public List<@NotNull @NotBlank @Size(max = 60) String> eventTypes;

    @Schema(description = "On a change only: false stops deliveries, true resumes them")
    public Boolean enabled;
}
