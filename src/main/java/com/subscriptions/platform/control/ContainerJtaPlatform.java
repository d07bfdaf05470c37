package com.subscriptions.platform.control;

import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.UserTransaction;
import org.hibernate.engine.jndi.JndiException;
import org.hibernate.engine.transaction.jta.platform.internal.AbstractJtaPlatform;
import org.hibernate.engine.transaction.jta.platform.internal.JtaSynchronizationStrategy;
import org.hibernate.engine.transaction.jta.platform.internal.SynchronizationRegistryAccess;
import org.hibernate.engine.transaction.jta.platform.internal.SynchronizationRegistryBasedSynchronizationStrategy;

import java.util.List;

/**
 * Hibernate's view of the server's transaction manager, on Payara and on WildFly: each binds it under its own name
 * (Hibernate's SunOne and JBoss platforms each know one). Named in persistence.xml.
 * <p>
 * Hibernate joins each transaction with an <em>interposed</em> synchronization (through the
 * {@link TransactionSynchronizationRegistry}, as the JTA specification intends for persistence managers, and as
 * WildFly's own integration does), not an ordinary one: interposed synchronizations complete before the ordinary
 * ones, among which is Payara's connection pool's. So a connection that Hibernate still holds when the transaction
 * ends (after a statement that failed, say) goes back before the pool takes stock of the transaction, never after
 * the pool has freed it.
 */
public class ContainerJtaPlatform extends AbstractJtaPlatform implements SynchronizationRegistryAccess {

    private record Names(String transactionManager, String userTransaction, String synchronizationRegistry) {
    }

    private static final List<Names> SERVERS = List.of(
            new Names("java:appserver/TransactionManager", "java:comp/UserTransaction",
                    "java:appserver/TransactionSynchronizationRegistry"),
            new Names("java:jboss/TransactionManager", "java:jboss/UserTransaction",
                    "java:jboss/TransactionSynchronizationRegistry"));

    private final JtaSynchronizationStrategy synchronizations =
            new SynchronizationRegistryBasedSynchronizationStrategy(this);

    private volatile Names names;

    private volatile TransactionSynchronizationRegistry registry;

    @Override
    protected TransactionManager locateTransactionManager() {
        return (TransactionManager) jndiService().locate(names().transactionManager());
    }

    @Override
    protected UserTransaction locateUserTransaction() {
        return (UserTransaction) jndiService().locate(names().userTransaction());
    }

    @Override
    protected JtaSynchronizationStrategy getSynchronizationStrategy() {
        return synchronizations;
    }

    @Override
    public TransactionSynchronizationRegistry getSynchronizationRegistry() {
        if (registry == null) {
            registry = (TransactionSynchronizationRegistry) jndiService().locate(names().synchronizationRegistry());
        }
        return registry;
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
