package com.subscriptions.platform.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientAddressesTest {

    private final ClientAddresses behindProxies = ClientAddresses.trusting("127.0.0.1, 10.0.0.0/8, ::1");

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        assertThat(ClientAddresses.trusting("").clientOf("127.0.0.1", List.of("203.0.113.9")))
                .isEqualTo("127.0.0.1");
    }

    @Test
    void aPeerThatIsNoTrustedProxyIsTheClientWhateverItForwards() {
        assertThat(behindProxies.clientOf("198.51.100.7", List.of("203.0.113.9"))).isEqualTo("198.51.100.7");
    }

    @Test
    void theRightMostUntrustedHopIsTheClientNotTheLeftMostThatTheClientWrote() {
        assertThat(behindProxies.clientOf("127.0.0.1", List.of("1.2.3.4, 203.0.113.9, 10.1.2.3")))
                .isEqualTo("203.0.113.9");
        assertThat(behindProxies.clientOf("127.0.0.1", List.of("1.2.3.4", "203.0.113.9"))).isEqualTo("203.0.113.9");
    }

    @Test
    void aChainOfTrustedProxiesOnlyYieldsTheirLeftMostEntry() {
        assertThat(behindProxies.clientOf("::1", List.of("10.0.0.5, 10.0.0.6"))).isEqualTo("10.0.0.5");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-an-ip", "example.com", "1.2.3.4.", "999.1.1.1", "1.2.3", "",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa:"})
    void anEntryThatIsNoIpLiteralEndsTheWalkAtTheLastTrustedHop(String forged) {
        assertThat(behindProxies.clientOf("127.0.0.1", List.of(forged))).isEqualTo("127.0.0.1");
        assertThat(behindProxies.clientOf("127.0.0.1", List.of(forged + ", 10.0.0.5"))).isEqualTo("10.0.0.5");
    }

    @Test
    void ipv6LiteralsAndBlocksAreUnderstood() {
        ClientAddresses v6 = ClientAddresses.trusting("2001:db8::/32");
        assertThat(v6.clientOf("2001:db8::1", List.of("2001:db9::2"))).isEqualTo("2001:db9::2");
        assertThat(v6.clientOf("2001:db9::1", List.of("2001:db9::2"))).isEqualTo("2001:db9::1");
    }

    @Test
    void aMisconfiguredProxyListIsRefusedAtStart() {
        assertThatThrownBy(() -> ClientAddresses.trusting("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClientAddresses.trusting("proxy.internal"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
