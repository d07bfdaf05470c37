package com.subscriptions.auth.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /auth/login}: {@code username} may also be the email. */
public class LoginRequest {

    @NotBlank
    @Size(max = 100)
    public String username;

    @NotBlank
    @Size(max = 128)
    public String password;
}
