package com.subscriptions.platform.control;

import jakarta.transaction.TransactionManager;
import jakarta.transaction.UserTransaction;
import org.hibernate.engine.jndi.JndiException;
import org.hibernate.engine.transaction.jta.platform.internal.AbstractJtaPlatform;

import java.util.List;

/**
 * Hibernate's view of the server's transaction manager, on Payara and on WildFly: each binds it under its own name
 * (Hibernate's SunOne and JBoss platforms each know one). Named in persistence.xml.
 */
public class ContainerJtaPlatform extends AbstractJtaPlatform {

    private record Names(String transactionManager, String userTransaction) {
    }

    private static final List<Names> SERVERS = List.of(
            new Names("java:appserver/TransactionManager", "java:comp/UserTransaction"),
            new Names("java:jboss/TransactionManager", "java:jboss/UserTransaction"));

    private volatile Names names;

    @Override
    protected TransactionManager locateTransactionManager() {
        return (TransactionManager) jndiService().locate(names().transactionManager());
    }

    @Override
    protected UserTransaction locateUserTransaction() {
        return (UserTransaction) jndiService().locate(names().userTransaction());
    }

    private Names names() {
        if (names == null) {
            names = SERVERS.stream().filter(this::bound).findFirst()
                    .orElseThrow(() -> new JndiException("No transaction manager under " + SERVERS, null));
        }
        return names;
    }

    private boolean bound(Names server) {
        try {
            return jndiService().locate(server.transactionManager()) != null;
        } catch (JndiException notThisServer) {
            return false;
        }
    }
}
