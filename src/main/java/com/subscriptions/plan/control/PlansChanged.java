package com.subscriptions.plan.control;

/**
 * The catalogue changed: a plan was created, updated or deleted (as it was just before). Fired inside the writing
 * transaction: the outbox records it there; caches holding plans observe it after the commit.
 */
public record PlansChanged(Change change, PlanView plan) {

    public enum Change {
        CREATED, UPDATED, DELETED
    }
}
