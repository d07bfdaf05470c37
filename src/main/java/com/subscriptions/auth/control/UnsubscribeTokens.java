package com.subscriptions.auth.control;

import com.nimbusds.jose.JOSEException;
import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * The token of a notification mail's opt-out link: {@code <user id>.<HMAC-SHA256 of it>}. It only turns that user's
 * notifications off, so it is neither stored nor single-use: every notification carries one, and any of them works.
 * The HMAC key is derived from the token-signing key (no second secret to configure; rotating that key retires the
 * links of earlier mails, whose receivers can still opt out in the API).
 */
@ApplicationScoped
public class UnsubscribeTokens {

    private static final String ALGORITHM = "HmacSHA256";

    private volatile SecretKeySpec key;

    public String tokenFor(long userId) {
        return userId + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(userId));
    }

    /** @return the user the token was made for, if it is genuine */
    public Optional<Long> userOf(String token) {
        int dot = token.indexOf('.');
        if (dot < 1 || dot > 19) {
            return Optional.empty();
        }
        try {
            long userId = Long.parseLong(token.substring(0, dot));
            byte[] presented = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            return MessageDigest.isEqual(presented, mac(userId)) ? Optional.of(userId) : Optional.empty();
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private byte[] mac(long userId) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key());
            return mac.doFinal(("unsubscribe:" + userId).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every JVM has " + ALGORITHM, e);
        }
    }

    private SecretKeySpec key() {
        if (key == null) {
            try {
                byte[] signingKey = SigningKeys.get().current().toRSAPrivateKey().getEncoded();
                key = new SecretKeySpec(MessageDigest.getInstance("SHA-256")
                        .digest(concat("unsubscribe-links|".getBytes(StandardCharsets.UTF_8), signingKey)), ALGORITHM);
            } catch (JOSEException | GeneralSecurityException e) {
                throw new IllegalStateException("Could not derive the opt-out link key", e);
            }
        }
        return key;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
