/**
 * Operating the server: the container's JDBC connection pool, its live statistics and its tuning at run time (through
 * Payara Micro's command runner, or WildFly's management model over JMX), behind the admin API and console, and its
 * gauges at {@code /metrics}.
 */
package com.subscriptions.pool;
