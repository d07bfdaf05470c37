package com.subscriptions.auth.boundary;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /auth/password-reset}: the address of the account whose password was forgotten. */
public class PasswordResetRequest {

    @NotBlank
    @Email
    @Size(max = 100)
    public String email;
}
