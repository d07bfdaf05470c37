package com.subscriptions.webhook.control;

import com.subscriptions.platform.control.KeyFiles;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.logging.Logger;

/**
 * Webhook signing secrets as the database keeps them: sealed with AES-256-GCM, so that a copy of the database (a
 * backup, a replica, a read through a hole elsewhere) does not let anyone sign events as this service. The key is
 * {@code WEBHOOKS_SECRETS_KEY} (base64 of 32 bytes; every instance needs the same), else the file
 * {@code webhook-secrets.key} of the key directory, made once. A secret stored before secrets were sealed
 * ({@code whsec_…} as it is) is read as it is, and sealed when rotated.
 */
@ApplicationScoped
public class SecretSeal {

    static final String SEALED = "v1.";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger LOG = Logger.getLogger(SecretSeal.class.getName());

    private SecretKey key;

    protected SecretSeal() {
        // for CDI: the key is loaded once the bean is made
    }

    SecretSeal(String key) {
        useKey(key);
    }

    /** The configured key, else the key directory's (made there the first time). */
    @PostConstruct
    void loadKey() {
        useKey(KeyFiles.setting("WEBHOOKS_SECRETS_KEY", "webhooks.secrets-key").orElseGet(() -> KeyFiles
                .readOrCreate(KeyFiles.directory().resolve("webhook-secrets.key"), SecretSeal::newKey)));
    }

    private void useKey(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The webhook secrets' key is not base64", e);
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("The webhook secrets' key must be 32 bytes (base64), not " + bytes.length);
        }
        key = new SecretKeySpec(bytes, "AES");
    }

    static String newKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    public String seal(String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, nonce, secret.getBytes(StandardCharsets.UTF_8));
        return SEALED + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                .put(nonce).put(sealed).array());
    }

    /**
     * The secrets that open, in order. One that does not (sealed with another key: the key was changed) is left out,
     * said in the log, and signs nothing: with no secret left a delivery is not sent but failed and retried (the
     * other endpoints' go on), until the endpoint's secret is rotated.
     */
    public List<String> openEach(List<String> stored) {
        List<String> opened = new ArrayList<>();
        for (String secret : stored) {
            try {
                opened.add(open(secret));
            } catch (IllegalStateException e) {
                LOG.warning(e.getMessage());
            }
        }
        return opened;
    }

    /** @throws IllegalStateException when the secret was sealed with another key, or altered */
    public String open(String stored) {
        if (!stored.startsWith(SEALED)) {
            return stored;
        }
        byte[] nonceAndSealed = Base64.getDecoder().decode(stored.substring(SEALED.length()));
        byte[] nonce = Arrays.copyOfRange(nonceAndSealed, 0, NONCE_BYTES);
        byte[] sealed = Arrays.copyOfRange(nonceAndSealed, NONCE_BYTES, nonceAndSealed.length);
        return new String(run(Cipher.DECRYPT_MODE, nonce, sealed), StandardCharsets.UTF_8);
    }

    private byte[] run(int mode, byte[] nonce, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A webhook secret does not open with this key (WEBHOOKS_SECRETS_KEY, "
                    + "or webhook-secrets.key in the key directory): sealed with another, or altered", e);
        }
    }
}
