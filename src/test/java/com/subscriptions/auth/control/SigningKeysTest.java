package com.subscriptions.auth.control;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.junit.jupiter.api.Test;

import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;

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
}
