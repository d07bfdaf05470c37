package com.subscriptions.auth.control;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.security.enterprise.CallerPrincipal;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private VerifiedTokens tokens;

    @BeforeEach
    void twoEntriesAtNoon() {
        tokens = new VerifiedTokens();
        tokens.metrics = metrics;
        tokens.maxEntries = 2;
        at(NOW);
        tokens.countLookups();
    }

    private void at(Instant instant) {
        tokens.clock = Clock.fixed(instant, ZoneOffset.UTC);
    }

    @Test
    void aRememberedTokenIsFoundWithItsCallerAndGroupsUntilItExpires() {
        Token alice = new Token("alice", NOW.plusSeconds(60), Set.of("user"));
        tokens.remember("token-a", alice);

        assertThat(tokens.find("token-a")).hasValueSatisfying(found -> {
            assertThat(found.token()).isSameAs(alice);
            assertThat(found.groups()).containsExactly("user");
        });
        assertThat(tokens.find("token-b")).as("another token").isEmpty();
        at(NOW.plusSeconds(59));
        assertThat(tokens.find("token-a")).isPresent();
        at(NOW.plusSeconds(60));
        assertThat(tokens.find("token-a")).as("at its expiry").isEmpty();
        at(NOW);
        assertThat(tokens.find("token-a")).as("forgotten once expired").isEmpty();
        assertThat(metrics.counter("verified_tokens", "result", "hit").count()).isEqualTo(2);
        assertThat(metrics.counter("verified_tokens", "result", "miss").count()).isEqualTo(3);
    }

    @Test
    void anExpiredTokenIsNotKeptAndAnyKindOfJsonWebTokenIs() {
        tokens.remember("expired", new Token("bob", NOW, Set.of()));
        tokens.remember("plain", new PlainToken());
        assertThat(tokens.find("expired")).isEmpty();
        assertThat(tokens.find("plain")).hasValueSatisfying(found -> assertThat(found.groups()).isEmpty());
    }

    @Test
    void whenFullExpiredEntriesMakeRoomAndOtherwiseANewTokenIsNotKept() {
        tokens.remember("short", new Token("a", NOW.plusSeconds(10), Set.of()));
        tokens.remember("long", new Token("b", NOW.plusSeconds(600), Set.of()));
        tokens.remember("refused", new Token("c", NOW.plusSeconds(600), Set.of()));
        assertThat(tokens.find("refused")).as("no room").isEmpty();
        assertThat(tokens.find("short")).isPresent();

        at(NOW.plusSeconds(20));
        tokens.remember("admitted", new Token("d", NOW.plusSeconds(600), Set.of()));
        assertThat(tokens.find("admitted")).as("in the expired one's place").isPresent();
        assertThat(tokens.find("long")).isPresent();
    }

    /** Payara's verified token is a caller principal as well as a JsonWebToken. */
    private static final class Token extends CallerPrincipal implements JsonWebToken {
        private final Map<String, Object> claims;

        Token(String name, Instant expires, Set<String> groups) {
            super(name);
            claims = Map.of("exp", expires.getEpochSecond(), "groups", groups);
        }

        @Override
        public Set<String> getClaimNames() {
            return claims.keySet();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            return (T) claims.get(claimName);
        }
    }

    /** A JsonWebToken that is no caller principal (as WildFly's), without groups. */
    private static final class PlainToken implements JsonWebToken, Principal {
        @Override
        public String getName() {
            return "plain";
        }

        @Override
        public Set<String> getClaimNames() {
            return Set.of("exp");
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            return "exp".equals(claimName) ? (T) (Object) NOW.plusSeconds(600).getEpochSecond() : null;
        }
    }
}
