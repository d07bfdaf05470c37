package com.subscriptions.sampledata;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Users {@code user0000001} to {@code userN}, each with one subscription shaped by {@link Distribution}. A batch
 * of users and their subscriptions is one transaction, and batches commit in order, so the users present are
 * always 1 to some number: a rerun continues after the highest (and does nothing once N is reached). Ids are given
 * explicitly, counted on from the tables' highest, so a batch needs no round trip to learn its users' ids. One
 * thread builds the batches; {@link #WRITERS} connections write them side by side (a connection's statements run on
 * one core of the database), each committing its batch once the one before it has committed.
 */
final class GeneratedUsers {

    record Result(long users, long subscriptions, long events) {
    }

    private record Batch(long sequence, RowWriter.Rows users, RowWriter.Rows subscriptions, RowWriter.Rows events) {
    }

    /** As many as the database has cores to give on the machine this was measured on: two. */
    static final int WRITERS = 2;
    private static final Batch END = new Batch(-1, null, null, null);

    private final Database database;
    private final RowWriter writer;
    private final int batchSize;
    private volatile RuntimeException builderFailure;

    GeneratedUsers(Database database, RowWriter writer, int batchSize) {
        this.database = database;
        this.writer = writer;
        this.batchSize = batchSize;
    }

    /** Adds users after the highest present up to {@code target}; times are counted from {@code now}. */
    Result load(long target, Supplier<String> passwordHash, long now) throws SQLException, InterruptedException {
        try (Connection connection = database.connect()) {
            long highest = highestNumber(connection);
            if (highest >= target) {
                System.err.printf("users: %s exists already, nothing to add%n", Distribution.username(highest));
                return new Result(0, 0, 0);
            }
            if (highest > 0) {
                System.err.printf("users: continuing after %s%n", Distribution.username(highest));
            }
            Distribution distribution = new Distribution(now, SamplePlans.load(connection), passwordHash.get());
            long firstUserId = Table.USERS.nextId(connection);
            long firstSubscriptionId = Table.SUBSCRIPTIONS.nextId(connection);
            BlockingQueue<Batch> batches = new ArrayBlockingQueue<>(2);
            Thread builder = new Thread(() -> build(distribution, highest + 1, target, firstUserId,
                    firstSubscriptionId, batches), "batch-builder");
            builder.setDaemon(true);
            builder.start();
            try {
                return write(batches, target - highest);
            } finally {
                builder.interrupt();
            }
        }
    }

    /**
     * The highest user number present. Generated users get ascending ids in number order, so the newest matching
     * row by id holds it, found without reading the whole table; {@code user_…} names of real users do not match.
     */
    private static long highestNumber(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT username FROM users "
                     + "WHERE username REGEXP '^user[0-9]{7,}$' ORDER BY id DESC LIMIT 1")) {
            return row.next() ? Long.parseLong(row.getString(1).substring("user".length())) : 0;
        }
    }

    /** The progress counts users and subscriptions (the target's rows); events ride along in the same batches. */
    private Result write(BlockingQueue<Batch> batches, long count) throws SQLException, InterruptedException {
        ProgressBar progress = new ProgressBar("users", 2 * count);
        CommitOrder order = new CommitOrder();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<Result>> written = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                written.add(writers.submit(() -> writeBatches(batches, order, progress)));
            }
            long users = 0;
            long events = 0;
            for (Future<Result> writer : written) {
                Result rows = result(writer, order);
                users += rows.users();
                events += rows.events();
            }
            if (builderFailure != null) {
                throw builderFailure;
            }
            return new Result(users, users, events);
        } finally {
            writers.shutdownNow();
            progress.finish();
        }
    }

    /** One writer: its own connection, batches until the end; the users and events it wrote. */
    private Result writeBatches(BlockingQueue<Batch> batches, CommitOrder order, ProgressBar progress)
            throws SQLException, InterruptedException {
        long users = 0;
        long events = 0;
        try (Connection connection = database.connect(); BulkLoadSession ignored = new BulkLoadSession(connection)) {
            for (Batch batch = batches.take(); batch != END; batch = batches.take()) {
                batch.users().writeTo(connection);
                batch.subscriptions().writeTo(connection);
                batch.events().writeTo(connection);
                order.awaitTurn(batch.sequence());
                connection.commit();
                order.committed(batch.sequence());
                users += batch.users().count();
                events += batch.events().count();
                progress.advance(2L * batch.users().count());
            }
            batches.put(END);
        } catch (SQLException | RuntimeException e) {
            order.fail(e);
            throw e;
        }
        return new Result(users, users, events);
    }

    private static Result result(Future<Result> writer, CommitOrder order) throws SQLException, InterruptedException {
        try {
            return writer.get();
        } catch (ExecutionException e) {
            order.fail(e.getCause());
            if (e.getCause() instanceof SQLException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void build(Distribution distribution, long first, long last, long firstUserId, long firstSubscriptionId,
                       BlockingQueue<Batch> batches) {
        try {
            try {
                long sequence = 0;
                for (long from = first; from <= last; from += batchSize) {
                    int size = (int) Math.min(batchSize, last - from + 1);
                    List<Object[]> users = new ArrayList<>(size);
                    List<Object[]> subscriptions = new ArrayList<>(size);
                    List<Object[]> events = new ArrayList<>(size + size / 8);
                    for (long number = from; number < from + size; number++) {
                        distribution.addSubscriber(number, firstUserId + number - first,
                                firstSubscriptionId + number - first, users, subscriptions, events);
                    }
                    batches.put(new Batch(sequence++, writer.prepare(Table.USERS, users),
                            writer.prepare(Table.SUBSCRIPTIONS, subscriptions),
                            writer.prepare(Table.SUBSCRIBER_EVENTS, events)));
                }
            } catch (RuntimeException e) {
                builderFailure = e;
            }
            batches.put(END);
        } catch (InterruptedException e) {
            // The writer stopped (it failed): nobody waits for more batches.
        }
    }
}
