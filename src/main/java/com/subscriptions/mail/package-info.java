/**
 * Outbound email from the mail half of the outbox: account mails (verification, password reset, whose tokens the
 * {@code auth} component issues) and subscription notifications are rendered from templates and written in the
 * transaction of what they tell; a dispatcher on every instance claims due mails ({@code FOR UPDATE SKIP LOCKED}),
 * sends them through Jakarta Mail and retries with backoff.
 */
package com.subscriptions.mail;
