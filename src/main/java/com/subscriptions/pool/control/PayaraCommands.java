package com.subscriptions.pool.control;

import fish.payara.micro.ClusterCommandResult;
import fish.payara.micro.PayaraMicro;
import fish.payara.micro.PayaraMicroRuntime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * asadmin commands run on this Payara Micro instance through its runtime API. Only touched when the server is Payara
 * Micro (see {@link #available()}), so that the WAR still deploys elsewhere.
 */
final class PayaraCommands {

    private PayaraCommands() {
    }

    /** Whether this is a running Payara Micro: its API is there (nowhere else) and its runtime answers. */
    static boolean available() {
        try {
            Class.forName("fish.payara.micro.PayaraMicro");
        } catch (ClassNotFoundException e) {
            return false;
        }
        try {
            PayaraMicro.getInstance().getRuntime();
            return true;
        } catch (RuntimeException notRunning) {
            return false;
        }
    }

    /** Runs the command here and answers its output; fails with the command's own message. */
    static String run(String command, String... arguments) {
        PayaraMicroRuntime runtime = PayaraMicro.getInstance().getRuntime();
        try {
            ClusterCommandResult result = runtime.run(List.of(runtime.getLocalDescriptor()), command, arguments)
                    .values().iterator().next().get(30, TimeUnit.SECONDS);
            if (result.getExitStatus() == ClusterCommandResult.ExitStatus.FAILURE) {
                throw new IllegalStateException(command + " failed: " + result.getOutput(), result.getFailureCause());
            }
            return result.getOutput();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(command + " interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(command + " failed", e);
        }
    }

    /**
     * A {@code get --monitor}: Payara's monitoring tree fails a read now and then with a
     * {@code ConcurrentModificationException} (a probe adds to one of its lists while the command walks it), seen
     * with the admin console polling during requests; such a read is made again, up to three times in all.
     */
    static String monitored(String pattern) {
        return againOnRace(() -> run("get", "--monitor=true", pattern));
    }

    static String againOnRace(Supplier<String> read) {
        for (int attempt = 1; ; attempt++) {
            try {
                return read.get();
            } catch (IllegalStateException failure) {
                if (attempt == 3 || !String.valueOf(failure.getMessage()).contains("ConcurrentModificationException")) {
                    throw failure;
                }
            }
        }
    }

    /** The {@code name = value} lines of a {@code get}'s output, by the name's last dotted part. */
    static Map<String, String> values(String output) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : output.split("\\R")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                String name = line.substring(0, equals).strip();
                values.put(name.substring(name.lastIndexOf('.') + 1), line.substring(equals + 1).strip());
            }
        }
        return values;
    }
}
