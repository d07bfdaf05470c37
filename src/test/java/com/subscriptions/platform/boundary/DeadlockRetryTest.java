package com.subscriptions.platform.boundary;

import jakarta.ejb.EJBException;
import jakarta.interceptor.InvocationContext;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeadlockRetryTest {

    /** An invocation whose target is the callable, counting how often it ran. */
    private record Call(Callable<Object> target, AtomicInteger runs) implements InvocationContext {
        @Override
        public Object proceed() throws Exception {
            runs.incrementAndGet();
            return target.call();
        }

        @Override
        public Method getMethod() {
            try {
                return Object.class.getMethod("toString");
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public Object getTarget() {
            return null;
        }

        @Override
        public Object getTimer() {
            return null;
        }

        @Override
        public java.lang.reflect.Constructor<?> getConstructor() {
            return null;
        }

        @Override
        public Object[] getParameters() {
            return new Object[0];
        }

        @Override
        public void setParameters(Object[] params) {
        }

        @Override
        public Map<String, Object> getContextData() {
            return Map.of();
        }
    }

    private static EJBException deadlock() {
        return new EJBException(new RuntimeException("could not execute statement",
                new SQLTransactionRollbackException("Deadlock found when trying to get lock", "40001", 1213)));
    }

    @Test
    void aDeadlockVictimRunsAgainAndSucceeds() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        Object answer = new DeadlockRetry().retry(new Call(() -> {
            if (runs.get() < 2) {
                throw deadlock();
            }
            return "done";
        }, runs));
        assertThat(answer).isEqualTo("done");
        assertThat(runs).hasValue(2);
    }

    @Test
    void afterThreeDeadlocksTheFailureReachesTheClient() {
        AtomicInteger runs = new AtomicInteger();
        assertThatThrownBy(() -> new DeadlockRetry().retry(new Call(() -> {
            throw deadlock();
        }, runs))).isInstanceOf(EJBException.class);
        assertThat(runs).hasValue(DeadlockRetry.ATTEMPTS);
    }

    @Test
    void otherFailuresAreNotRetried() {
        AtomicInteger runs = new AtomicInteger();
        assertThatThrownBy(() -> new DeadlockRetry().retry(new Call(() -> {
            throw new EJBException(new SQLException("Duplicate entry", "23000", 1062));
        }, runs))).isInstanceOf(EJBException.class);
        assertThat(runs).hasValue(1);
    }
}
