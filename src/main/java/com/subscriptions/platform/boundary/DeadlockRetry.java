package com.subscriptions.platform.boundary;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;

/** Runs a {@link RetriedOnDeadlock} method again when its transaction died in a deadlock (SQLState 40001). */
@RetriedOnDeadlock
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class DeadlockRetry {

    static final int ATTEMPTS = 3;
    private static final Logger LOG = Logger.getLogger(DeadlockRetry.class.getName());

    @AroundInvoke
    public Object retry(InvocationContext call) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.proceed();
            } catch (Exception e) {
                if (attempt == ATTEMPTS || !isDeadlock(e)) {
                    throw e;
                }
                int failed = attempt;
                LOG.fine(() -> "Deadlock in " + call.getMethod().getName() + ", attempt " + failed + "; again");
                // A short random pause, so that the two sides of the deadlock do not meet again.
                Thread.sleep(ThreadLocalRandom.current().nextLong(5, 30) * attempt);
            }
        }
    }

    static boolean isDeadlock(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "40001".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
