package com.subscriptions.auth.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The RSA keys that sign tokens. The current key signs; the previous one (after a rotation) still verifies, so
 * a rotation logs nobody out. Keys come from configuration ({@code JWT_SIGNING_KEY}, {@code JWT_PREVIOUS_KEY}:
 * JWK JSON) or from {@code JWT_KEYS_DIR} (default {@code data/keys}: {@code current.jwk}, {@code previous.jwk});
 * when neither has a current key, one is generated there once. Rotate by moving {@code current.jwk} to
 * {@code previous.jwk} and restarting.
 *
 * <p>Read by MicroProfile Config (before CDI starts) and by the token issuer, hence a plain holder.
 */
public final class SigningKeys {

    private static SigningKeys loaded;

    private final RSAKey current;
    private final List<JWK> verifying;

    SigningKeys(RSAKey current, Optional<JWK> previous) {
        this.current = current;
        List<JWK> keys = new ArrayList<>();
        keys.add(current.toPublicJWK());
        previous.map(JWK::toPublicJWK).ifPresent(keys::add);
        this.verifying = List.copyOf(keys);
    }

    public static synchronized SigningKeys get() {
        if (loaded == null) {
            loaded = load();
        }
        return loaded;
    }

    public RSAKey current() {
        return current;
    }

    /**
     * The public keys that verify tokens, as MicroProfile JWT's {@code mp.jwt.verify.publickey}: during a rotation a
     * JWKS of both (the token's kid picks the key); otherwise the one key's base64 DER. Payara parses this value on
     * every request, and a JWKS costs a JSON parse each time (measured with JFR as the largest part of verifying
     * a token), so the single key goes in the cheaper form.
     */
    public String verificationKey() {
        if (verifying.size() > 1) {
            return new JWKSet(verifying).toString();
        }
        try {
            return Base64.getEncoder().encodeToString(current.toRSAPublicKey().getEncoded());
        } catch (JOSEException e) {
            throw new IllegalStateException("The signing key has no RSA public key", e);
        }
    }

    private static SigningKeys load() {
        Path dir = Path.of(setting("JWT_KEYS_DIR", "jwt.keys.dir", "data/keys"));
        RSAKey current = setting("JWT_SIGNING_KEY", "jwt.signing.key")
                .map(SigningKeys::parse).map(JWK::toRSAKey)
                .orElseGet(() -> readOrGenerate(dir.resolve("current.jwk")));
        Optional<JWK> previous = setting("JWT_PREVIOUS_KEY", "jwt.previous.key").map(SigningKeys::parse)
                .or(() -> read(dir.resolve("previous.jwk")));
        return new SigningKeys(current, previous);
    }

    static RSAKey readOrGenerate(Path file) {
        return read(file).map(JWK::toRSAKey).orElseGet(() -> generate(file));
    }

    /**
     * Writes a new key readable by its owner only from the first byte (a draft file created so), then links it in
     * place: a link is atomic and never replaces, so of instances starting together on one key directory (two
     * replicas on a shared volume) one key wins and every instance reads that one.
     */
    private static RSAKey generate(Path file) {
        Path draft = null;
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
            Files.createDirectories(file.getParent());
            draft = Files.createTempFile(file.getParent(), ".draft-", ".jwk",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(draft, key.toJSONString());
            Files.createLink(file, draft);
            return key;
        } catch (FileAlreadyExistsException e) {
            return read(file).map(JWK::toRSAKey).orElseThrow(() -> new IllegalStateException("No key in " + file));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate a signing key", e);
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

    private static Optional<JWK> read(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JWK parse(String json) {
        try {
            return JWK.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("A configured JWT key is not a JWK", e);
        }
    }

    private static Optional<String> setting(String env, String property) {
        return Optional.ofNullable(System.getenv(env)).or(() -> Optional.ofNullable(System.getProperty(property)))
                .filter(value -> !value.isBlank());
    }

    private static String setting(String env, String property, String absent) {
        return setting(env, property).orElse(absent);
    }
}
