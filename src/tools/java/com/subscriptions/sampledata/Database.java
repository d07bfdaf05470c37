package com.subscriptions.sampledata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;

/**
 * The database named by the service's variables: DB_HOST (127.0.0.1), DB_PORT (3307, the run command's embedded
 * MariaDB), DB_NAME, DB_USER (subscriptions), DB_PASSWORD (else the embedded database's {@code data/db-password};
 * set but empty means no password) and DB_SSL_MODE (DISABLED on loopback, else REQUIRED).
 */
final class Database {

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "::1");

    private final String host;
    private final String url;
    private final String user;
    private final String password;

    private Database(String host, String url, String user, String password) {
        this.host = host;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    static Database fromEnvironment(Map<String, String> env) {
        String host = env.getOrDefault("DB_HOST", "127.0.0.1");
        boolean loopback = LOOPBACK.contains(host);
        String sslMode = env.getOrDefault("DB_SSL_MODE", loopback ? "DISABLED" : "REQUIRED");
        String url = "jdbc:mysql://" + (host.contains(":") ? "[" + host + "]" : host)
                + ":" + env.getOrDefault("DB_PORT", "3307") + "/" + env.getOrDefault("DB_NAME", "subscriptions")
                + "?rewriteBatchedStatements=true&useServerPrepStmts=false&cachePrepStmts=true"
                + "&sslMode=" + sslMode + "&allowPublicKeyRetrieval=true"
                + "&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true"
                // LOAD DATA LOCAL lets the server ask for a client file: allowed only towards a server on this machine.
                + (loopback ? "&allowLoadLocalInfile=true" : "");
        return new Database(host, url, env.getOrDefault("DB_USER", "subscriptions"), password(env));
    }

    private static String password(Map<String, String> env) {
        String password = env.get("DB_PASSWORD");
        if (password != null) {
            return password;
        }
        Path file = Path.of("data", "db-password").toAbsolutePath();
        if (!Files.isReadable(file)) {
            throw new Options.UsageException("DB_PASSWORD is not set and there is no " + file
                    + " to read it from; set DB_PASSWORD (empty for none)");
        }
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A connection without autocommit: every caller commits its own transactions. The database's subscription
     * counts (changeset 010) are not kept row by row on it: {@link #recount} counts once after a bulk load.
     */
    Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection(url, user, password);
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET @subscription_counts_paused = 1");
        }
        return connection;
    }

    /** A connection as the service's pool hands one out for a read: autocommit on, the counts kept as usual. */
    Connection connectForReads() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** Counts every subscription again for the admin dashboard (the loader's connections paused the counting). */
    void recount() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("CALL subscription_counts_rebuild()");
            connection.commit();
        }
    }

    /** Whether LOAD DATA LOCAL may be used with this server: the driver allows it only on loopback. */
    boolean isLoopback() {
        return LOOPBACK.contains(host);
    }

    String describe() {
        return url.substring(0, url.indexOf('?')) + " as " + user;
    }
}
