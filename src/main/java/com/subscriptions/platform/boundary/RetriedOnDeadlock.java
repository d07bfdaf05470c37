package com.subscriptions.platform.boundary;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * A write whose transaction the database may pick as a deadlock victim (InnoDB's gap locks on the subscription
 * indexes, between unrelated users' writes under load) is run again, a few times, before the client hears of it.
 * Put it on a boundary method: outside the transaction, which the victim's rollback has ended.
 */
@InterceptorBinding
@Retention(RUNTIME)
@Target({METHOD, TYPE})
public @interface RetriedOnDeadlock {
}
