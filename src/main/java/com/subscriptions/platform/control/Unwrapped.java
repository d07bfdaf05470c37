package com.subscriptions.platform.control;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A record component whose own members are written in place of it ({@link RecordsInDeclarationOrder}): an answer
 * that is "a subscription, plus its user" reads as one flat object without repeating the subscription's members.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Unwrapped {
}
