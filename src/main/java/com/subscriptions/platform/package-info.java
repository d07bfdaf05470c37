/**
 * What every component uses and that has no better home: the REST application and its roles, the request id, the
 * caller of a request, health checks, the clock, the database migration at start, JSON naming, deadlock retries, and
 * the domain exceptions ({@code platform.entity}) through which use cases refuse a request.
 */
package com.subscriptions.platform;
