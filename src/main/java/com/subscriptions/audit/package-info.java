/**
 * The audit trail: who (user, address, request id) did what to which resource, written in the transaction of the
 * change it records (or in its own transaction for refusals that must stay, such as failed logins).
 */
package com.subscriptions.audit;
