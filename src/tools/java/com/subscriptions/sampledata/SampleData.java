package com.subscriptions.sampledata;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Fills the database named by the service's {@code DB_*} variables (see {@link Database}) with sample data:
 * <pre>
 *   plans                          the five plans of the original service, those missing (by name and interval)
 *   admin [--username admin] [--password P]
 *                                  creates the admin account, or makes the account admin and resets its password;
 *                                  the password comes from --password or ADMIN_PASSWORD, the email of a new
 *                                  account from ADMIN_EMAIL (default username@localhost)
 *   users [--users 1000000] [--batch 5000] [--long-histories 3] [--events 10000] [--method auto|insert|load-data]
 *                                  the plans if missing, then users user0000001 to userN with one subscription
 *                                  each, spread as contract §5 says (see {@link Distribution}), --batch users a
 *                                  transaction; then the long histories history01 to historyK, each with 200
 *                                  subscriptions and --events events (400 at least; see {@link LongHistories})
 *   all [the options of admin and users]
 *                                  plans, admin (only when a password is given), users
 * </pre>
 * Every command can be rerun: what exists is kept, and an interrupted {@code users} continues where it stopped.
 * <p>
 * All generated users ({@code user…} and {@code history…}) share the password {@value #PASSWORD}: its hash is
 * computed once per run (600,000 PBKDF2 iterations take a while) and stored for every one of them.
 * <p>
 * {@code --method} chooses how rows travel: {@code load-data} (LOAD DATA LOCAL INFILE, the fastest; needs a server
 * on this machine with local_infile ON), {@code insert} (batched multi-row INSERTs, for any server), or
 * {@code auto} (the first when possible).
 */
public final class SampleData {

    /** The password of every generated user. */
    public static final String PASSWORD = "Sample-Users-2026!";

    /** The username of generated user {@code number} (from 1). */
    public static String username(long number) {
        return Distribution.username(number);
    }

    /** Whether generated user {@code number} holds a plain active subscription (not expiring, new or canceled). */
    public static boolean plainActive(long number) {
        return Distribution.kind(number) == Distribution.Kind.ACTIVE;
    }

    /** A connection to the DB_* database as the service's pool hands one out for a read: autocommit on. */
    public static Connection readingConnection() throws SQLException {
        return Database.fromEnvironment(System.getenv()).connectForReads();
    }

    private static final Set<String> ADMIN_FLAGS = Set.of("username", "password");
    private static final Set<String> USERS_FLAGS = Set.of("users", "batch", "long-histories", "events", "method");
    private static final Map<String, Set<String>> FLAGS = Map.of(
            "plans", Set.of(),
            "admin", ADMIN_FLAGS,
            "users", USERS_FLAGS,
            "all", union(ADMIN_FLAGS, USERS_FLAGS));
    private static final String USAGE = """
            Usage: SampleData <command> [options]     (database from DB_HOST, DB_PORT, DB_NAME, DB_USER, DB_PASSWORD, DB_SSL_MODE)
              plans
              admin [--username admin] [--password P]        (or ADMIN_PASSWORD; ADMIN_EMAIL for a new account)
              users [--users 1000000] [--batch 5000] [--long-histories 3] [--events 10000] [--method auto|insert|load-data]
              all   [options of admin and users]             (admin only when a password is given)""";

    private final Options options;
    private final Map<String, String> env = System.getenv();
    private final Database database;
    private final long started = System.nanoTime();
    private String sharedPasswordHash;

    private SampleData(Options options) {
        this.options = options;
        this.database = Database.fromEnvironment(env);
    }

    public static void main(String[] args) throws Exception {
        try {
            new SampleData(Options.parse(args, FLAGS)).run();
        } catch (Options.UsageException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
        } catch (SQLException e) {
            // Mostly the connection (address, login, schema missing): the message says it, a stack trace would not.
            System.err.printf("%nDatabase error: %s (SQLState %s)%n", e.getMessage(), e.getSQLState());
            System.exit(1);
        }
    }

    private void run() throws SQLException, InterruptedException {
        System.err.println("Database: " + database.describe());
        switch (options.command()) {
            case "plans" -> plans();
            case "admin" -> admin(adminPassword().orElseThrow(() -> new Options.UsageException(
                    "admin needs a password: give --password or set ADMIN_PASSWORD")));
            case "users" -> users();
            default -> {
                plans();
                Optional<String> password = adminPassword();
                if (password.isPresent()) {
                    admin(password.get());
                } else {
                    System.err.println("admin: skipped (no --password nor ADMIN_PASSWORD)");
                }
                users();
            }
        }
    }

    private void plans() throws SQLException {
        try (Connection connection = database.connect()) {
            System.err.printf("plans: %d created%n", SamplePlans.ensure(connection));
        }
    }

    private Optional<String> adminPassword() {
        return options.text("password").or(() -> Optional.ofNullable(env.get("ADMIN_PASSWORD")))
                .filter(password -> !password.isBlank());
    }

    private void admin(String password) throws SQLException {
        String username = options.text("username", "admin");
        String email = env.getOrDefault("ADMIN_EMAIL", username + "@localhost");
        try (Connection connection = database.connect()) {
            boolean created = AdminAccount.ensure(connection, username, email, password);
            System.err.printf("admin: %s %s%n", username, created ? "created" : "is admin, password reset");
        }
    }

    private void users() throws SQLException, InterruptedException {
        long target = options.count("users", 1_000_000, 0);
        int batch = (int) options.count("batch", 5_000, 1);
        int longHistories = (int) options.count("long-histories", 3, 0);
        int events = (int) options.count("events", 10_000, LongHistories.MIN_EVENTS);
        try (Connection connection = database.connect()) {
            int created = SamplePlans.ensure(connection);
            if (created > 0) {
                System.err.printf("plans: %d created%n", created);
            }
        }
        RowWriter writer = chooseWriter(options.text("method", "auto"));
        long now = Instant.now().getEpochSecond();
        GeneratedUsers.Result users = new GeneratedUsers(database, writer, batch)
                .load(target, this::sharedPasswordHash, now);
        LongHistories.Result histories = new LongHistories(database, writer)
                .load(longHistories, events, this::sharedPasswordHash, now);
        database.recount();
        summarize(writer, users, histories);
    }

    /** Computed once, on first use: a rerun with nothing to add skips the 600,000 iterations. */
    private String sharedPasswordHash() {
        if (sharedPasswordHash == null) {
            sharedPasswordHash = SoteriaPasswordHash.of(PASSWORD);
        }
        return sharedPasswordHash;
    }

    private RowWriter chooseWriter(String method) throws SQLException {
        return switch (method) {
            case "insert" -> new InsertRowWriter();
            case "load-data" -> new LoadDataRowWriter();
            case "auto" -> loadDataPossible() ? new LoadDataRowWriter() : new InsertRowWriter();
            default -> throw new Options.UsageException("--method must be auto, insert or load-data, not " + method);
        };
    }

    private boolean loadDataPossible() throws SQLException {
        if (!database.isLoopback()) {
            return false;
        }
        try (Connection connection = database.connect();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT @@local_infile")) {
            return row.next() && row.getBoolean(1);
        }
    }

    private void summarize(RowWriter writer, GeneratedUsers.Result users, LongHistories.Result histories)
            throws SQLException {
        double seconds = (System.nanoTime() - started) / 1e9;
        long rows = users.users() + users.subscriptions() + users.events() + histories.users()
                + histories.subscriptions() + histories.events();
        System.out.printf("""
                        Sample data in %s, written with %s:
                          users added            %,d (+ %,d long histories)
                          subscriptions added    %,d (+ %,d)
                          events added           %,d (+ %,d)
                          elapsed                %.1f s, %,d rows/s
                          subscriptions by status: %s
                          password of every generated user (user0000001…, history01…): %s
                        """, database.describe(), writer.describe(), users.users(), histories.users(),
                users.subscriptions(), histories.subscriptions(), users.events(), histories.events(), seconds,
                (long) (rows / seconds), statusCounts(), PASSWORD);
    }

    private String statusCounts() throws SQLException {
        StringJoiner counts = new StringJoiner(", ");
        try (Connection connection = database.connect();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(
                     "SELECT status, COUNT(*) FROM user_subscriptions GROUP BY status ORDER BY status")) {
            while (row.next()) {
                counts.add(String.format("%s %,d", row.getString(1), row.getLong(2)));
            }
        }
        return counts.toString();
    }

    private static Set<String> union(Set<String> first, Set<String> second) {
        return Stream.concat(first.stream(), second.stream()).collect(Collectors.toUnmodifiableSet());
    }
}
