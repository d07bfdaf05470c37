/**
 * Idempotency-Key on unsafe requests: the first answer for a key is stored for the user and replayed for a repeat
 * with the same body; another body with the same key is refused.
 */
package com.subscriptions.idempotency;
