package com.subscriptions.auth.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /auth/verify-email} and {@code POST /account/unsubscribe}: a token from a mail's link. */
public class TokenRequest {

    @NotBlank
    @Size(max = 100)
    @Schema(description = "The token of the mail's link (after #token=)")
    public String token;
}
