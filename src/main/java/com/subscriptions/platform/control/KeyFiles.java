package com.subscriptions.platform.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Keys the service makes for itself when none is configured (the JWT signing key, the key that seals webhook secrets):
 * each in a file of the key directory ({@code JWT_KEYS_DIR}, default {@code data/keys}), made once and read from then
 * on. Read before CDI starts (MicroProfile Config asks for the JWT key), hence static.
 */
public final class KeyFiles {

    private KeyFiles() {
    }

    /** The directory of the keys made here. */
    public static Path directory() {
        return Path.of(setting("JWT_KEYS_DIR", "jwt.keys.dir").orElse("data/keys"));
    }

    /** An environment variable, else a system property; blank counts as absent. */
    public static Optional<String> setting(String env, String property) {
        return Optional.ofNullable(System.getenv(env)).or(() -> Optional.ofNullable(System.getProperty(property)))
                .filter(value -> !value.isBlank());
    }

    public static Optional<String> read(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's content; when there is no such file, a new key's, written there first. */
    public static String readOrCreate(Path file, Supplier<String> newKey) {
        return read(file).orElseGet(() -> create(file, newKey.get()));
    }

    /**
     * Writes a new key readable by its owner only from the first byte (a draft file created so), then links it in
     * place: a link is atomic and never replaces, so of instances starting together on one key directory (two
     * replicas on a shared volume) one key wins and every instance reads that one.
     */
    private static String create(Path file, String key) {
        Path draft = null;
        try {
            Files.createDirectories(file.getParent());
            draft = Files.createTempFile(file.getParent(), ".draft-", ".key",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(draft, key);
            Files.createLink(file, draft);
            return key;
        } catch (FileAlreadyExistsException e) {
            return read(file).orElseThrow(() -> new IllegalStateException("No key in " + file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(draft);
        }
    }

    private static void deleteQuietly(Path draft) {
        try {
            if (draft != null) {
                Files.deleteIfExists(draft);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
