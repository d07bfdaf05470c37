package com.subscriptions.auth.boundary;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code PUT /account/notifications}. */
public class NotificationsRequest {

    @NotNull
    @Schema(description = "Whether to receive the optional notification mails (trial ending, renewed, cancellation "
            + "scheduled, subscription ended, plan changed)")
    public Boolean enabled;
}
