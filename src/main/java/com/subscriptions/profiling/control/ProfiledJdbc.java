package com.subscriptions.profiling.control;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Wraps a JDBC connection so that each statement executed through it, with its time and the rows read, is added
 * to the current request's {@link StatementLog}. Outside a request it only forwards.
 */
public final class ProfiledJdbc {

    private ProfiledJdbc() {
    }

    public static Connection wrap(Connection connection) {
        return proxy(Connection.class, connection, (target, method, args) -> {
            Object result = invoke(target, method, args);
            if (result instanceof PreparedStatement prepared && method.getName().startsWith("prepare")) {
                Class<? extends PreparedStatement> type = prepared instanceof CallableStatement
                        ? CallableStatement.class : PreparedStatement.class;
                return statement(type, prepared, (String) args[0]);
            }
            if (result instanceof Statement plain && method.getName().equals("createStatement")) {
                return statement(Statement.class, plain, null);
            }
            return result;
        });
    }

    private static <S extends Statement> S statement(Class<S> type, Statement statement, String preparedSql) {
        List<Object> parameters = new ArrayList<>();
        return type.cast(proxy(type, statement, (target, method, args) -> {
            if (isParameterSetter(method, args)) {
                int index = (Integer) args[0] - 1;
                while (parameters.size() <= index) {
                    parameters.add(null);
                }
                parameters.set(index, method.getName().equals("setNull") ? null : args[1]);
            }
            if (!method.getName().startsWith("execute") || StatementLog.current() == null) {
                return invoke(target, method, args);
            }
            String sql = preparedSql != null ? preparedSql : args != null && args.length > 0 ? (String) args[0] : "?";
            StatementLog.Statement logged = StatementLog.current().add(sql, List.copyOf(parameters.stream()
                    .map(value -> value == null ? NULL : value).toList()));
            long started = System.nanoTime();
            try {
                Object result = invoke(target, method, args);
                return result instanceof ResultSet rows ? counting(rows, logged) : result;
            } finally {
                logged.took(System.nanoTime() - started);
            }
        }));
    }

    /** Stands for a NULL parameter (the log's lists hold no nulls). */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "NULL";
        }
    };

    private static boolean isParameterSetter(Method method, Object[] args) {
        return method.getName().startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer
                && method.getDeclaringClass() == PreparedStatement.class;
    }

    /** Counts the rows read, and adds the time spent fetching them to the statement. */
    private static ResultSet counting(ResultSet rows, StatementLog.Statement logged) {
        return proxy(ResultSet.class, rows, (target, method, args) -> {
            if (!method.getName().equals("next")) {
                return invoke(target, method, args);
            }
            long started = System.nanoTime();
            Object more = invoke(target, method, args);
            logged.took(System.nanoTime() - started);
            if (Boolean.TRUE.equals(more)) {
                logged.readRow();
            }
            return more;
        });
    }

    @FunctionalInterface
    private interface Handler {
        Object handle(Object target, Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, Object target, Handler handler) {
        InvocationHandler forward = (proxy, method, args) -> {
            if (method.getName().equals("unwrap") && args[0] instanceof Class<?> wanted && wanted.isInstance(target)) {
                return target;
            }
            return handler.handle(target, method, args);
        };
        return type.cast(Proxy.newProxyInstance(ProfiledJdbc.class.getClassLoader(), new Class<?>[]{type}, forward));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
