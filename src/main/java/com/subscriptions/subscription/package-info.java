/**
 * Subscriptions: the lifecycle entity and its rules, the one write service that records an event with every change,
 * the lifecycle job, the three read strategies of the subscription routes, and the admin's subscription routes.
 */
package com.subscriptions.subscription;
