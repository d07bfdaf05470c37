package com.subscriptions.pool.control;

/**
 * What a server offers to operate the application's JDBC pool ({@code jdbc/subscriptions}): one implementation per
 * server, each touching its server's API only once {@link #available()} has said that this is that server.
 */
interface PoolAdministration {

    /** Whether the application runs on this implementation's server, with the pool's management reachable. */
    boolean available();

    /** The pool's figures now and its settings. */
    PoolStatistics statistics();

    void setSteadyPoolSize(int size);

    void setMaxPoolSize(int size);

    void setMaxWaitMillis(int millis);

    /** Drops the pool's connections (the lent ones included); new ones are opened on demand. */
    void flush();
}
