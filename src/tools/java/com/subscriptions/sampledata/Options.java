package com.subscriptions.sampledata;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The command line: a command, then {@code --name value} (or {@code --name=value}) flags. */
final class Options {

    private final String command;
    private final Map<String, String> flags;

    private Options(String command, Map<String, String> flags) {
        this.command = command;
        this.flags = flags;
    }

    /** @throws UsageException on a missing command, a flag without a value or a flag the command does not know */
    static Options parse(String[] args, Map<String, Set<String>> flagsByCommand) {
        if (args.length == 0) {
            throw new UsageException("No command given.");
        }
        String command = args[0];
        Set<String> known = flagsByCommand.get(command);
        if (known == null) {
            throw new UsageException("Unknown command: " + command);
        }
        Map<String, String> flags = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new UsageException("Unexpected argument: " + arg);
            }
            String name = arg.substring(2);
            String value;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new UsageException("--" + name + " needs a value");
            }
            if (!known.contains(name)) {
                throw new UsageException("Unknown option for " + command + ": --" + name);
            }
            flags.put(name, value);
        }
        return new Options(command, flags);
    }

    String command() {
        return command;
    }

    Optional<String> text(String name) {
        return Optional.ofNullable(flags.get(name));
    }

    String text(String name, String absent) {
        return flags.getOrDefault(name, absent);
    }

    /** A count: digits, optionally grouped with underscores ({@code 1_000_000}). */
    long count(String name, long absent, long minimum) {
        String value = flags.get(name);
        if (value == null) {
            return absent;
        }
        long count;
        try {
            count = Long.parseLong(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, not " + value);
        }
        if (count < minimum) {
            throw new UsageException("--" + name + " must be at least " + minimum);
        }
        return count;
    }

    /** A wrong command line: reported with the usage text, without a stack trace. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
