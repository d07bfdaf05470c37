package com.subscriptions.sampledata;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Supplier;

/**
 * Users {@code user0000001} to {@code userN}, each with one subscription shaped by {@link Distribution}. A batch
 * of users and their subscriptions is one transaction, and batches commit in order, so the users present are
 * always 1 to some number: a rerun continues after the highest (and does nothing once N is reached). Ids are given
 * explicitly, counted on from the tables' highest, so a batch needs no round trip to learn its users' ids. One
 * thread builds the next batch while this one writes the last.
 */
final class GeneratedUsers {

    record Result(long users, long subscriptions, long events) {
    }

    private record Batch(RowWriter.Rows users, RowWriter.Rows subscriptions, RowWriter.Rows events) {
    }

    private static final Batch END = new Batch(null, null, null);

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
                return write(connection, batches, target - highest);
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
    private Result write(Connection connection, BlockingQueue<Batch> batches, long count)
            throws SQLException, InterruptedException {
        ProgressBar progress = new ProgressBar("users", 2 * count);
        long written = 0;
        long events = 0;
        try (BulkLoadSession ignored = new BulkLoadSession(connection)) {
            for (Batch batch = batches.take(); batch != END; batch = batches.take()) {
                batch.users().writeTo(connection);
                batch.subscriptions().writeTo(connection);
                batch.events().writeTo(connection);
                connection.commit();
                written += batch.users().count();
                events += batch.events().count();
                progress.advance(2L * batch.users().count());
            }
        } finally {
            progress.finish();
        }
        if (builderFailure != null) {
            throw builderFailure;
        }
        return new Result(written, written, events);
    }

    private void build(Distribution distribution, long first, long last, long firstUserId, long firstSubscriptionId,
                       BlockingQueue<Batch> batches) {
        try {
            try {
                for (long from = first; from <= last; from += batchSize) {
                    int size = (int) Math.min(batchSize, last - from + 1);
                    List<Object[]> users = new ArrayList<>(size);
                    List<Object[]> subscriptions = new ArrayList<>(size);
                    List<Object[]> events = new ArrayList<>(size + size / 8);
                    for (long number = from; number < from + size; number++) {
                        distribution.addSubscriber(number, firstUserId + number - first,
                                firstSubscriptionId + number - first, users, subscriptions, events);
                    }
                    batches.put(new Batch(writer.prepare(Table.USERS, users),
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
