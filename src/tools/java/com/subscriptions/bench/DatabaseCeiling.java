package com.subscriptions.bench;

import com.subscriptions.sampledata.SampleData;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the database itself can do for a route: the statements the server ran for one request of it (its
 * {@code ?_debug=true} answer, with their parameters), sent straight over JDBC by as many threads as the benchmark
 * has connections, each thread on a connection of its own (shared by all the routes' ceilings) as the service's
 * pool would hand out, one after the other as the route sends them, every row read. No HTTP, JAX-RS, CDI, JPA or JSON: the route's ratio to this is the share
 * of the database's own throughput that the service delivers.
 */
final class DatabaseCeiling {

    /** A statement as the server ran it. */
    record Statement(String sql, List<Object> parameters) {
    }

    private static final Pattern LOCAL_DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}.*");

    private final List<Statement> statements;
    private final Connection[] connections;

    /** @param connections one for each thread, as {@link #open} makes them */
    DatabaseCeiling(List<Statement> statements, Connection[] connections) {
        this.statements = statements;
        this.connections = connections;
    }

    /** Connections to the DB_* database, one for each thread, autocommit on as the service's pool lends them. */
    static Connection[] open(int threads) throws SQLException {
        Connection[] connections = new Connection[threads];
        for (int t = 0; t < threads; t++) {
            connections[t] = SampleData.readingConnection();
        }
        return connections;
    }

    /** The statements of a {@code ?_debug=true} answer; parameters bound as the server bound them. */
    static List<Statement> of(JsonObject debuggedAnswer) {
        List<Statement> statements = new ArrayList<>();
        for (JsonValue value : debuggedAnswer.getJsonObject("_debug").getJsonArray("statements")) {
            JsonObject statement = value.asJsonObject();
            List<Object> parameters = new ArrayList<>();
            for (JsonValue parameter : statement.getJsonArray("parameters")) {
                parameters.add(parameter(parameter));
            }
            statements.add(new Statement(statement.getString("sql"), parameters));
        }
        return statements;
    }

    /** Numbers as longs, times (the server binds {@code LocalDateTime}) as times, text as text. */
    static Object parameter(JsonValue value) {
        return switch (value.getValueType()) {
            case NUMBER -> ((JsonNumber) value).longValueExact();
            case TRUE -> true;
            case FALSE -> false;
            case NULL -> null;
            case STRING -> text(((JsonString) value).getString());
            default -> throw new IllegalArgumentException("Unexpected parameter " + value);
        };
    }

    private static Object text(String text) {
        if (LOCAL_DATE_TIME.matcher(text).matches()) {
            try {
                return LocalDateTime.parse(text);
            } catch (DateTimeParseException notATime) {
                return text;
            }
        }
        return text;
    }

    /** One thread's turn: every statement of the route once, each of its rows read whole. */
    LoadRun.Step step() {
        return (http, thread) -> {
            for (Statement statement : statements) {
                try (PreparedStatement prepared = connections[thread].prepareStatement(statement.sql())) {
                    for (int i = 0; i < statement.parameters().size(); i++) {
                        prepared.setObject(i + 1, statement.parameters().get(i));
                    }
                    if (prepared.execute()) {
                        readWhole(prepared.getResultSet());
                    }
                }
            }
            return true;
        };
    }

    private static void readWhole(ResultSet rows) throws SQLException {
        try (rows) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                for (int c = 1; c <= columns; c++) {
                    rows.getObject(c);
                }
            }
        }
    }

    int statementCount() {
        return statements.size();
    }
}
