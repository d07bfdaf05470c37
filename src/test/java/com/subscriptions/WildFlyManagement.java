package com.subscriptions;

import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;

import java.io.IOException;

/**
 * WildFly's management model as its own client reads it (the CLI's protocol, with the local user's authentication that
 * Arquillian's container uses too): what the server holds, not what the application reports.
 */
public final class WildFlyManagement {

    private WildFlyManagement() {
    }

    /** An attribute of the data source SubscriptionsDS, as the CLI would print it. */
    public static String dataSourceAttribute(String name) throws IOException {
        try (ModelControllerClient client = ModelControllerClient.Factory.create("remote+http", "127.0.0.1",
                Integer.getInteger("it.wildfly.management.port"))) {
            ModelNode address = Operations.createAddress("subsystem", "datasources", "data-source", "SubscriptionsDS");
            ModelNode answer = client.execute(Operations.createReadAttributeOperation(address, name));
            if (!Operations.isSuccessfulOutcome(answer)) {
                throw new IllegalStateException(Operations.getFailureDescription(answer).asString());
            }
            return Operations.readResult(answer).asString();
        }
    }
}
