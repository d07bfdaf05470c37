package com.subscriptions.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Applies the Liquibase changelogs (top-level {@code liquibase/}, packaged in the WAR) before the application
 * serves anything. Bean-managed transactions: Liquibase commits each changeset itself.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigrator {

    static final String CHANGELOG = "liquibase/changelog.xml";
    private static final Logger LOG = Logger.getLogger(DatabaseMigrator.class.getName());

    @Resource(lookup = DataSources.SERVICE)
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        try {
            Connection connection = dataSource.getConnection();
            // The pool's socket timeout bounds requests; a migration may rewrite a large table for longer. The
            // connection goes back to the pool afterwards, so its own bound is restored before it does.
            int bounded = connection.getNetworkTimeout();
            connection.setNetworkTimeout(Runnable::run, 0);
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            // Closing Liquibase closes the connection it was given.
            try (Liquibase liquibase = new Liquibase(CHANGELOG,
                    new ClassLoaderResourceAccessor(getClass().getClassLoader()), database)) {
                try {
                    liquibase.update();
                } finally {
                    connection.setNetworkTimeout(Runnable::run, bounded);
                }
            }
            LOG.info("Database schema is up to date");
        } catch (SQLException | LiquibaseException e) {
            throw new IllegalStateException("Database migration failed", e);
        } catch (Exception e) {
            throw new IllegalStateException("Could not close the migration connection", e);
        }
    }
}
