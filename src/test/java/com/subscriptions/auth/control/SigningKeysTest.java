package com.subscriptions.auth.control;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class SigningKeysTest {

    private static RSAKey key(String kid) throws Exception {
        return new RSAKeyGenerator(2048).keyID(kid).generate();
    }

    @Test
    void oneKeyVerifiesAsItsBase64Der() throws Exception {
        RSAKey current = key("current");
        String value = new SigningKeys(current, Optional.empty()).verificationKey();
        PublicKey decoded = KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(value)));
        assertThat(decoded).isEqualTo(current.toRSAPublicKey());
    }

    @Test
    void duringARotationBothKeysVerifyAsAJwksByKid() throws Exception {
        RSAKey current = key("current");
        RSAKey previous = key("previous");
        JWKSet keys = JWKSet.parse(new SigningKeys(current, Optional.of(previous)).verificationKey());
        assertThat(keys.getKeys()).extracting(JWK::getKeyID).containsExactly("current", "previous");
        assertThat(keys.getKeys()).noneMatch(JWK::isPrivate);
    }

    @Test
    void aGeneratedKeyIsTheOwnersAloneAndInstancesStartingTogetherShareOne(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys/current.jwk");
        ExecutorService instances = Executors.newFixedThreadPool(4);
        try {
            List<Future<RSAKey>> started = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                started.add(instances.submit(() -> SigningKeys.readOrGenerate(file)));
            }
            Set<String> kids = new HashSet<>();
            for (Future<RSAKey> key : started) {
                kids.add(key.get(60, TimeUnit.SECONDS).getKeyID());
            }
            assertThat(kids).hasSize(1);
        } finally {
            instances.shutdownNow();
        }
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        try (Stream<Path> left = Files.list(file.getParent())) {
            assertThat(left).containsExactly(file);
        }
    }
}
