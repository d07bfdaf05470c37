package com.subscriptions.auth.control;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.Map;
import java.util.Set;

/**
 * Hands MicroProfile JWT the public keys of {@link SigningKeys} ({@code mp.jwt.verify.publickey}, as a JWKS).
 * A low ordinal: an explicitly configured key wins.
 */
public class JwtKeyConfigSource implements ConfigSource {

    static final String PUBLIC_KEY = "mp.jwt.verify.publickey";

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(PUBLIC_KEY);
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(PUBLIC_KEY, SigningKeys.get().verificationKey());
    }

    @Override
    public String getValue(String propertyName) {
        return PUBLIC_KEY.equals(propertyName) ? SigningKeys.get().verificationKey() : null;
    }

    @Override
    public String getName() {
        return "subscriptions-jwt-keys";
    }

    @Override
    public int getOrdinal() {
        return 50;
    }
}
