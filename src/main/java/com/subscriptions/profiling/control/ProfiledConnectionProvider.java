package com.subscriptions.profiling.control;

import com.subscriptions.platform.control.DataSources;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;

import java.sql.Connection;
import java.sql.SQLException;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Hibernate's connections: the container pool's (JTA-enlisted as usual), wrapped by {@link ProfiledJdbc} so that
 * JPA's statements are counted like native SQL's. Named in persistence.xml.
 */
public class ProfiledConnectionProvider implements ConnectionProvider {

    private volatile DataSource dataSource;

    @Override
    public Connection getConnection() throws SQLException {
        return ProfiledJdbc.wrap(dataSource().getConnection());
    }

    @Override
    public void closeConnection(Connection connection) throws SQLException {
        connection.close();
    }

    /** As Hibernate's own DataSource provider: the container's pool takes connections back after each statement. */
    @Override
    public boolean supportsAggressiveRelease() {
        return true;
    }

    @Override
    public boolean isUnwrappableAs(Class<?> type) {
        return type.isInstance(this);
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        return type.cast(this);
    }

    private DataSource dataSource() throws SQLException {
        if (dataSource == null) {
            try {
                dataSource = InitialContext.doLookup(DataSources.SERVICE);
            } catch (NamingException e) {
                throw new SQLException("No data source " + DataSources.SERVICE, e);
            }
        }
        return dataSource;
    }
}
