package com.subscriptions.plan.control;

/**
 * The catalogue changed (a plan was created, updated or deleted), fired inside the writing transaction; caches
 * holding plans observe it after the commit.
 */
public record PlansChanged() {
}
