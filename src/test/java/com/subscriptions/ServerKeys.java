package com.subscriptions;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** The tested server's signing keys, which the build keeps in JWT_KEYS_DIR under target/. */
public final class ServerKeys {

    private ServerKeys() {
    }

    /** Written before the server starts: the key "before the last rotation", which must still verify. */
    static void createPreviousKey() throws Exception {
        RSAKey previous = new RSAKeyGenerator(2048).keyID("previous-" + UUID.randomUUID())
                .keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
        Files.createDirectories(dir());
        Files.writeString(dir().resolve("previous.jwk"), previous.toJSONString());
    }

    public static RSAKey current() throws Exception {
        return read("current.jwk");
    }

    public static RSAKey previous() throws Exception {
        return read("previous.jwk");
    }

    private static RSAKey read(String file) throws Exception {
        return JWK.parse(Files.readString(dir().resolve(file))).toRSAKey();
    }

    private static Path dir() {
        return Path.of(System.getenv("JWT_KEYS_DIR"));
    }
}
