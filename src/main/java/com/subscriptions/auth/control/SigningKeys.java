package com.subscriptions.auth.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.subscriptions.platform.control.KeyFiles;

import java.nio.file.Path;
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
        Path dir = KeyFiles.directory();
        RSAKey current = KeyFiles.setting("JWT_SIGNING_KEY", "jwt.signing.key")
                .map(SigningKeys::parse).map(JWK::toRSAKey)
                .orElseGet(() -> readOrGenerate(dir.resolve("current.jwk")));
        Optional<JWK> previous = KeyFiles.setting("JWT_PREVIOUS_KEY", "jwt.previous.key").map(SigningKeys::parse)
                .or(() -> KeyFiles.read(dir.resolve("previous.jwk")).map(SigningKeys::parse));
        return new SigningKeys(current, previous);
    }

    static RSAKey readOrGenerate(Path file) {
        return parse(KeyFiles.readOrCreate(file, SigningKeys::generate)).toRSAKey();
    }

    private static String generate() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).generate().toJSONString();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate a signing key", e);
        }
    }

    private static JWK parse(String json) {
        try {
            return JWK.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("A configured JWT key is not a JWK", e);
        }
    }
}
