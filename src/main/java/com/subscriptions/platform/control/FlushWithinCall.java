package com.subscriptions.platform.control;

import jakarta.annotation.Resource;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * The default interceptor of every enterprise bean (ejb-jar.xml): writes the persistence context's pending changes
 * before the call returns to the container, instead of letting the commit flush them.
 * <p>
 * Why: Payara ends a bean's invocation before it completes the transaction, and its pool takes a connection's
 * transaction from the current invocation, which by then is the caller's. A connection that Hibernate opens to
 * flush at commit is therefore not the transaction's: with a caller outside any transaction, the flush's updates
 * commit on their own, outside the bean's transaction; with a caller inside another transaction (a
 * {@code REQUIRES_NEW} bean), they run in the caller's, and closing that connection puts the caller's connection
 * back in the pool while the caller still uses it: the same connection lent twice, seen as "Connection closed",
 * "state.isBusy already set to false" and updates lost under concurrent writes. Flushed here, every statement runs
 * inside the invocation, on the transaction's own connection.
 */
public class FlushWithinCall {

    @PersistenceContext
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** Business methods (the scheduled jobs call business methods too). */
    @AroundInvoke
    public Object flushBeforeReturning(InvocationContext call) throws Exception {
        Object result = call.proceed();
        if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE && em.isJoinedToTransaction()) {
            em.flush();
        }
        return result;
    }
}
