package com.subscriptions.idempotency.boundary;

import jakarta.ws.rs.NameBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The route honours an {@code Idempotency-Key} header (see {@link IdempotencyFilter}). */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Idempotent {

    /**
     * The OpenAPI extension that marks such an operation ({@code @Extension(name = Idempotent.OPENAPI_MARK, value =
     * "true")}): the document then lists the header as a parameter (components.parameters.IdempotencyKey).
     */
    String OPENAPI_MARK = "x-idempotent";
}
