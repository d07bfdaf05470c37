package com.subscriptions.auth.boundary;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /auth/register}. A class with fields rather than a record: Payara's OpenAPI scanner fails on Bean
 * Validation annotations of record components (6.2025.10).
 */
public class RegisterRequest {

    @NotBlank
    @Size(min = 3, max = 50)
    @Pattern(regexp = "[A-Za-z0-9_.-]*", message = "may contain only letters, digits, '_', '.' and '-'")
    public String username;

    @NotBlank
    @Email
    @Size(max = 100)
    public String email;

    @NotBlank
    @Size(max = 128)
    public String password;
}
