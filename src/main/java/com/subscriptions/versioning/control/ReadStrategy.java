package com.subscriptions.versioning.control;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/** Marks the implementation of a read interface that serves one API version. */
@Qualifier
@Retention(RUNTIME)
@Target({TYPE, FIELD, PARAMETER})
public @interface ReadStrategy {

    ApiVersion value();

    final class Literal extends AnnotationLiteral<ReadStrategy> implements ReadStrategy {
        private final ApiVersion version;

        private Literal(ApiVersion version) {
            this.version = version;
        }

        public static Literal of(ApiVersion version) {
            return new Literal(version);
        }

        @Override
        public ApiVersion value() {
            return version;
        }
    }
}
