package com.subscriptions.platform;

import com.subscriptions.IntegrationTest;
import com.subscriptions.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static com.subscriptions.ApiClient.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The pool survives a database that drops its connections (as a restart does): every pooled connection is
 * killed on the server, and the next requests are still answered, because the pool validates a connection
 * before lending it and replaces the dead ones.
 */
class DatabaseConnectionLossIT extends IntegrationTest {

    @Test
    void requestsSucceedAfterTheServerKilledEveryPooledConnection() throws SQLException {
        api().get("/api/v1/plans").then().statusCode(200);

        assertThat(killOtherConnectionsToTheTestDatabase()).as("pooled connections killed").isPositive();

        for (int i = 0; i < 10; i++) {
            api().get("/api/v1/plans/1").then().statusCode(200).body("id", equalTo(1));
        }
        api().get("/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    private static int killOtherConnectionsToTheTestDatabase() throws SQLException {
        try (Connection db = TestDatabase.connect(); Statement statement = db.createStatement()) {
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("SELECT id FROM information_schema.processlist "
                    + "WHERE db = DATABASE() AND id <> CONNECTION_ID()")) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            for (long id : ids) {
                statement.execute("KILL CONNECTION " + id);
            }
            return ids.size();
        }
    }
}
