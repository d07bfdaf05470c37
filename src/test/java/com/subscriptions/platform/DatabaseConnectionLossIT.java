package com.subscriptions.platform;

import com.subscriptions.IntegrationTest;
import com.subscriptions.TestDatabase;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static com.subscriptions.ApiClient.api;
import static com.subscriptions.ApiClient.health;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * The pool survives a database that drops its connections (as a restart does): every pooled connection is killed
 * on the server; a request that meets a dead connection answers 503 with Retry-After (and makes the pool drop them
 * all), and the requests after it are answered on new connections.
 */
class DatabaseConnectionLossIT extends IntegrationTest {

    @Test
    void requestsSucceedAfterTheServerKilledEveryPooledConnection() throws SQLException {
        api().get("/api/v1/plans").then().statusCode(200);

        assertThat(killOtherConnectionsToTheTestDatabase()).as("pooled connections killed").isPositive();

        int answeredInARow = 0;
        for (int i = 0; i < 40 && answeredInARow < 10; i++) {
            Response answer = api().get("/api/v1/plans/1");
            if (answer.statusCode() == 200) {
                answer.then().body("id", equalTo(1));
                answeredInARow++;
            } else {
                answer.then().statusCode(503).contentType("application/problem+json")
                        .header("Retry-After", notNullValue());
                answeredInARow = 0;
            }
        }
        assertThat(answeredInARow).as("requests answered in a row after the loss").isEqualTo(10);
        health().get("/ready").then().statusCode(200).body("status", equalTo("UP"));
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
