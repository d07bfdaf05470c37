/**
 * Operating the server: the container's JDBC connection pool, its live statistics and its tuning at run time (through
 * Payara Micro's command runner), behind the admin API and console, and its gauges at {@code /metrics}.
 */
package com.subscriptions.pool;
