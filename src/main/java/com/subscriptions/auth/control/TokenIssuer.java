package com.subscriptions.auth.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.subscriptions.user.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/** Mints the RS256 tokens that Payara's MicroProfile JWT verifies. */
@ApplicationScoped
public class TokenIssuer {

    public static final String TOKEN_TYPE = "token_type";
    public static final String FAMILY = "fam";
    public static final String ACCESS = "access";
    public static final String REFRESH = "refresh";

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    @Inject
    @ConfigProperty(name = "jwt.access-token.seconds")
    long accessSeconds;

    @Inject
    @ConfigProperty(name = "jwt.refresh-token.seconds")
    long refreshSeconds;

    /** How long a refresh token lives. */
    public long refreshSeconds() {
        return refreshSeconds;
    }

    /** A new access and refresh token for the user, in the given family. */
    public IssuedTokens issue(User user, String familyId) {
        Instant now = clock.instant();
        Instant accessExpiry = now.plusSeconds(accessSeconds);
        Instant refreshExpiry = now.plusSeconds(refreshSeconds);
        String refreshJti = UUID.randomUUID().toString();
        return new IssuedTokens(
                sign(user, familyId, UUID.randomUUID().toString(), ACCESS, now, accessExpiry),
                sign(user, familyId, refreshJti, REFRESH, now, refreshExpiry),
                refreshJti, accessSeconds, refreshExpiry);
    }

    private String sign(User user, String familyId, String jti, String type, Instant issuedAt, Instant expiry) {
        RSAKey key = SigningKeys.get().current();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(String.valueOf(user.id()))
                .claim("upn", user.username())
                .claim("groups", user.groups())
                .jwtID(jti)
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiry))
                .claim(TOKEN_TYPE, type)
                .claim(FAMILY, familyId)
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
        return jwt.serialize();
    }

    /** What login and refresh hand out, and what the server keeps of the refresh token. */
    public record IssuedTokens(String accessToken, String refreshToken, String refreshJti, long expiresIn,
                               Instant refreshExpiresAt) {
    }
}
