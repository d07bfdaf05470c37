package com.subscriptions.webhook.control;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretSealTest {

    private final SecretSeal seal = new SecretSeal(SecretSeal.newKey());
    private final String secret = WebhookSigner.newSecret();

    @Test
    void aSealedSecretOpensToItselfAndShowsNothingOfIt() {
        String sealed = seal.seal(secret);
        assertThat(sealed).startsWith(SecretSeal.SEALED).doesNotContain(secret.substring("whsec_".length()))
                .hasSizeLessThanOrEqualTo(255);
        assertThat(seal.open(sealed)).isEqualTo(secret);
    }

    @Test
    void sealingTwiceGivesTwoDifferentSeals() {
        assertThat(seal.seal(secret)).isNotEqualTo(seal.seal(secret));
    }

    @Test
    void anotherKeyCannotOpenIt() {
        String sealed = seal.seal(secret);
        assertThatThrownBy(() -> new SecretSeal(SecretSeal.newKey()).open(sealed))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("WEBHOOKS_SECRETS_KEY");
    }

    @Test
    void ofSecretsSealedBeforeAndAfterAKeyChangeThoseThatOpenSign() {
        String before = new SecretSeal(SecretSeal.newKey()).seal(WebhookSigner.newSecret());
        assertThat(seal.openEach(List.of(seal.seal(secret), before))).containsExactly(secret);
        assertThat(seal.openEach(List.of(before))).isEmpty();
    }

    @Test
    void anAlteredSealDoesNotOpen() {
        byte[] sealed = Base64.getDecoder().decode(seal.seal(secret).substring(SecretSeal.SEALED.length()));
        sealed[20] ^= 1;
        String altered = SecretSeal.SEALED + Base64.getEncoder().encodeToString(sealed);
        assertThatThrownBy(() -> seal.open(altered)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aSecretStoredBeforeSealingIsReadAsItIs() {
        assertThat(seal.open(secret)).isEqualTo(secret);
    }

    @Test
    void aKeyOfAnotherSizeOrNotBase64IsRefused() {
        assertThatThrownBy(() -> new SecretSeal(Base64.getEncoder().encodeToString(new byte[16])))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new SecretSeal("not base64!")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not base64");
    }
}
