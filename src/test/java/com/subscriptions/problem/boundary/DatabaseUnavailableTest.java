package com.subscriptions.problem.boundary;

import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures answer 503 (the database is away) rather than 500. */
class DatabaseUnavailableTest {

    private static boolean unavailable(Throwable e) {
        return ProblemMappers.ForEverythingElse.isDatabaseUnavailable(new PersistenceException(e));
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
}
