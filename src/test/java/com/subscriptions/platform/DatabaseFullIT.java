package com.subscriptions.platform;

import com.subscriptions.IntegrationTest;
import com.subscriptions.Race;
import com.subscriptions.TestDatabase;
import com.subscriptions.TestUsers;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.subscriptions.ApiClient.api;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database full of connections (other clients took all it allows) refuses the pool's new ones: a request the
 * pool cannot serve answers 503 problem+json, none answers 500, and the pool keeps the connections it has. Before,
 * the refusal counted as an outage and the pool was flushed, which destroys lent connections too: at 1M, a
 * benchmark holding 144 JDBC connections filled the database, the pool was flushed 157 times, and 140 requests
 * answered 500. Payara only: the pool must grow past its size for the test, a live resize WildFly cannot do.
 */
class DatabaseFullIT extends IntegrationTest {

    private static final int RACERS = 48;

    @Test
    void aFullDatabaseAnswers503ForWhatNeedsANewConnectionAndThePoolKeepsItsOwn() throws Exception {
        String admin = TestUsers.admin().tokens().access();
        int maxPoolSize = api(admin).get("/api/admin/pool").then().statusCode(200).extract().path("max_pool_size");
        // What ran before may have left the pool enough idle connections for every racer: a pool of one drops them.
        for (int size : new int[] {1, 2 * RACERS}) {
            api(admin).contentType("application/json").body(Map.of("max_pool_size", size)).put("/api/admin/pool")
                    .then().statusCode(200);
        }
        List<Connection> held = new ArrayList<>();
        try {
            int destroyedBefore = api(admin).get("/api/admin/pool").then().extract().path("destroyed");
            fill(held);
            List<String> answers = new ArrayList<>();
            for (int wave = 0; wave < 3; wave++) {
                answers.addAll(Race.of(RACERS, () -> {
                    var answer = api().get("/api/v1/plans/1");
                    return answer.statusCode() == 200 ? "200" : answer.statusCode() + " " + answer.contentType()
                            + " Retry-After " + answer.header("Retry-After");
                }));
            }
            String refused = "503 application/problem+json Retry-After 5";
            assertThat(answers).as("what the pool could not serve").contains(refused).containsOnly("200", refused);
            // A flush would come once no connection is lent, at most a second after the last: given two.
            Thread.sleep(2000);
            assertThat((int) api(admin).get("/api/admin/pool").then().extract().path("destroyed"))
                    .as("connections the pool destroyed").isEqualTo(destroyedBefore);
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
            api(admin).contentType("application/json").body(Map.of("max_pool_size", maxPoolSize))
                    .put("/api/admin/pool").then().statusCode(200);
        }
        for (int plan = 1; plan <= 3; plan++) {
            api().get("/api/v1/plans/" + plan).then().statusCode(200);
        }
    }

    /** Opens connections until the database refuses one (MySQL and MariaDB: 1040, too many connections). */
    private static void fill(List<Connection> held) throws SQLException {
        while (true) {
            try {
                held.add(TestDatabase.connect());
            } catch (SQLException refused) {
                assertThat(refused.getErrorCode()).as(refused.getMessage()).isEqualTo(1040);
                return;
            }
            assertThat(held).as("connections the database allowed").hasSizeLessThan(1000);
        }
    }
}
