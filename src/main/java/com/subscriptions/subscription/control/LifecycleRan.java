package com.subscriptions.subscription.control;

/** The lifecycle job finished a run (on its schedule or at the admin's request): jobs that follow it observe this. */
public record LifecycleRan() {
}
