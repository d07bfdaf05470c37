/**
 * Statement profiling: every JDBC statement of a request is counted and timed through a wrapped connection provider
 * ({@code StatementLog}), shown with {@code ?_debug=true|explain}, kept when slow ({@code SlowQueries}, with the admin's
 * slow-query routes) and counted per route in the metrics.
 */
package com.subscriptions.profiling;
