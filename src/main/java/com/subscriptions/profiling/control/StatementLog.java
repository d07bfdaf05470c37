package com.subscriptions.profiling.control;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The SQL statements a request ran, collected on the request's thread: JPA's (through
 * {@link ProfiledConnectionProvider}) and native SQL's (through {@link ProfiledJdbc}) alike. Recording is on only
 * between {@link #start()} and {@link #stop()}; elsewhere (jobs, boot) statements are not collected.
 */
public final class StatementLog {

    private static final ThreadLocal<StatementLog> CURRENT = new ThreadLocal<>();

    private final List<Statement> statements = Collections.synchronizedList(new ArrayList<>());

    /** One execution: its SQL and parameters, how long the database took, how many rows were read from it. */
    public static final class Statement {
        private final String sql;
        private final List<Object> parameters;
        private volatile long nanos;
        private volatile int rows;

        Statement(String sql, List<Object> parameters) {
            this.sql = sql;
            this.parameters = parameters;
        }

        public String sql() {
            return sql;
        }

        public List<Object> parameters() {
            return parameters;
        }

        public long nanos() {
            return nanos;
        }

        public int rows() {
            return rows;
        }

        void took(long elapsed) {
            nanos += elapsed;
        }

        void readRow() {
            rows++;
        }
    }

    private StatementLog() {
    }

    public static StatementLog start() {
        StatementLog log = new StatementLog();
        CURRENT.set(log);
        return log;
    }

    public static void stop() {
        CURRENT.remove();
    }

    /** The statements {@code work} runs, logged apart from (and not in) the current request's log. */
    public static StatementLog during(Runnable work) {
        StatementLog outer = CURRENT.get();
        StatementLog log = start();
        try {
            work.run();
        } finally {
            CURRENT.set(outer);
            if (outer == null) {
                CURRENT.remove();
            }
        }
        return log;
    }

    /** The log of the current request, or null outside one. */
    static StatementLog current() {
        return CURRENT.get();
    }

    Statement add(String sql, List<Object> parameters) {
        Statement statement = new Statement(sql, parameters);
        statements.add(statement);
        return statement;
    }

    public List<Statement> statements() {
        synchronized (statements) {
            return List.copyOf(statements);
        }
    }

    public long databaseNanos() {
        return statements().stream().mapToLong(Statement::nanos).sum();
    }
}
