package com.subscriptions.admin;

import com.subscriptions.IntegrationTest;
import com.subscriptions.TestServer;
import com.subscriptions.TestUsers;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import static com.subscriptions.ApiClient.api;
import static org.assertj.core.api.Assertions.assertThat;

/** The instance overview of the admin console, on each server (ClusterIT sees two instances on Payara). */
class InstancesIT extends IntegrationTest {

    @Test
    void theAnsweringInstanceReportsItsPoolCachesAndVersion() {
        JsonPath list = api(TestUsers.admin().tokens().access()).get("/api/admin/instances").then().statusCode(200)
                .extract().jsonPath();
        // WildFly has no data grid: it runs alone (README, "Running several instances").
        assertThat(list.getBoolean("clustered")).isEqualTo(!TestServer.isWildFly());
        assertThat(list.getList("instances.findAll { it.local }")).hasSize(1);
        JsonPath own = new JsonPath(list.prettify()).setRootPath("instances.find { it.local }");
        assertThat(own.getString("version")).startsWith("1.0.0");
        assertThat(own.getString("name")).contains("@");
        assertThat(own.getList("caches.name")).containsExactlyInAnyOrder("plans", "plan-pages",
                "live-subscriptions", "history-heads");
        assertThat(own.getInt("pool.max_pool_size")).isPositive();
        assertThat(own.getString("reported_at")).isNotNull();
    }

    @Test
    void onlyAdminsSeeTheInstances() {
        api().get("/api/admin/instances").then().statusCode(401);
        api(TestUsers.login(TestUsers.register()).access()).get("/api/admin/instances").then().statusCode(403);
    }
}
