package com.subscriptions.platform.entity;

import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures answer 503 (the database is away) rather than 500. */
class DatabaseUnavailableTest {

    private static boolean unavailable(Throwable e) {
        return DatabaseUnavailable.isCauseOf(new PersistenceException(e));
    }

    @Test
    void aLostConnectionOrTheDriversTimeoutIsAnOutage() {
        assertThat(unavailable(new SQLException("Communications link failure", "08S01"))).isTrue();
        assertThat(unavailable(new java.sql.SQLTimeoutException("Statement cancelled"))).isTrue();
    }

    @Test
    void wildFlysPoolTakingBackAConnectionAfterTheDatabaseDroppedItIsAnOutage() {
        assertThat(unavailable(new SQLException("IJ031040: Connection is not associated with a managed connection: "
                + "org.jboss.jca.adapters.jdbc.jdk8.WrappedConnectionJDK8@993b482"))).isTrue();
    }

    @Test
    void otherDatabaseErrorsAreNot() {
        assertThat(unavailable(new SQLIntegrityConstraintViolationException("Duplicate entry", "23000"))).isFalse();
        assertThat(unavailable(new SQLException("Connection closed")))
                .as("a connection closed under a request is a fault of this server, not the database's").isFalse();
    }

    /** 503 as well; but the pool's connections still work, so nothing should drop them (PoolFlusher). */
    @Test
    void aDatabaseFullOfConnectionsIsUnavailableAndSaysItIsFull() {
        SQLException full = new java.sql.SQLNonTransientConnectionException("Too many connections", "08004", 1040);
        assertThat(unavailable(full)).isTrue();
        assertThat(DatabaseUnavailable.of(new PersistenceException(full)).full()).isTrue();
        // Payara's pool passes on the driver's message in an exception of its own.
        assertThat(DatabaseUnavailable.of(new IllegalStateException("Error in allocating a connection. Cause: "
                + "Connection could not be allocated because: Too many connections")).full()).isTrue();
        assertThat(DatabaseUnavailable.of(new PersistenceException(new SQLException("User 'subscriptions' already has "
                + "more than 'max_user_connections' active connections", "42000", 1203))).full()).isTrue();
        assertThat(DatabaseUnavailable.of(new PersistenceException(
                new SQLException("Communications link failure", "08S01"))).full()).isFalse();
    }
}
