package com.subscriptions.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * Where the CPU goes while a route is measured: the server's process (by the id the run command recorded), the
 * database's ({@code mariadbd} listening on {@code DB_PORT}) and the whole machine ({@code /proc/stat}), so that a
 * route's throughput can be read against what each request costs each process. On two cores that is the limit:
 * the machine is busy all the time, and a request cannot be answered faster than its server and database CPU allow.
 */
final class CpuMeter {

    /** Linux reports {@code /proc/stat} in USER_HZ, 100 a second on every common build. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    /** CPU time used so far, in nanoseconds; a process that could not be found reads 0. */
    record Reading(long server, long database, long machine) {

        Reading minus(Reading earlier) {
            return new Reading(server - earlier.server, database - earlier.database, machine - earlier.machine);
        }

        /** The server's and the database's CPU, in milliseconds, per one of {@code count} requests. */
        double serviceMillisPer(long count) {
            return (server + database) / 1e6 / count;
        }
    }

    private final Optional<ProcessHandle> server;
    private final Optional<ProcessHandle> database;

    CpuMeter(Optional<ProcessHandle> server, Optional<ProcessHandle> database) {
        this.server = server;
        this.database = database;
    }

    /** The server recorded in {@code data/last-boot.properties} and the MariaDB on {@code databasePort}. */
    static CpuMeter find(Optional<Long> serverPid, String databasePort) {
        Optional<ProcessHandle> database = ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/mariadbd") || c.endsWith("/mysqld"))
                        .orElse(false))
                .filter(p -> p.info().arguments().map(a -> Arrays.asList(a).contains("--port=" + databasePort))
                        .orElse(false))
                .findFirst();
        return new CpuMeter(serverPid.flatMap(ProcessHandle::of), database);
    }

    boolean seesBoth() {
        return server.isPresent() && database.isPresent();
    }

    Reading read() {
        return new Reading(cpu(server), cpu(database), machineBusy());
    }

    private static long cpu(Optional<ProcessHandle> process) {
        return process.flatMap(p -> p.info().totalCpuDuration()).map(Duration::toNanos).orElse(0L);
    }

    /** All cores' time not idle (user, nice, system, irq, softirq, steal) since the machine started. */
    private static long machineBusy() {
        try {
            String[] ticks = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int field : new int[] {1, 2, 3, 6, 7, 8}) {
                busy += Long.parseLong(ticks[field]);
            }
            return busy * NANOS_PER_TICK;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
