package com.subscriptions.auth.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /auth/password-reset/confirm}: the reset mail's token and the new password. */
public class NewPasswordRequest {

    @NotBlank
    @Size(max = 100)
    @Schema(description = "The token of the reset mail's link (after #token=)")
    public String token;

    @NotBlank
    @Size(max = 128)
    @Schema(description = "The new password, under the same rules as at registration")
    public String password;
}
