/**
 * Sessions: register, log in, refresh and log out with MicroProfile JWT access and refresh tokens (rotation, reuse
 * detection, revocation), signing keys, and the rate limits of these routes.
 */
package com.subscriptions.auth;
