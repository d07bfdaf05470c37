/**
 * Signed webhooks (Standard Webhooks) from one transactional outbox: every subscription and plan change writes, in
 * its own transaction, an event and one delivery per interested endpoint; a dispatcher on every instance claims due
 * deliveries ({@code FOR UPDATE SKIP LOCKED}), posts them, records each attempt and retries with backoff.
 */
package com.subscriptions.webhook;
