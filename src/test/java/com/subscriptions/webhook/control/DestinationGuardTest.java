package com.subscriptions.webhook.control;

import com.subscriptions.platform.control.IpBlocks;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DestinationGuardTest {

    private final DestinationGuard strict = new DestinationGuard(false, IpBlocks.parse(""));

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1/hook", "https://10.1.2.3/hook", "https://172.16.0.1/hook",
            "https://192.168.0.1/hook", "https://169.254.169.254/latest/meta-data", "https://[::1]/hook",
            "https://[fd00:ec2::254]/hook", "https://[fe80::1]/hook", "https://0.0.0.0/hook", "https://100.64.0.1/hook",
            "https://224.0.0.1/hook", "https://localhost/hook"})
    void internalAddressesAreRefused(String url) {
        assertThat(strict.refusal(url)).get().asString().contains("internal address");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://93.184.216.34/hook", "ftp://93.184.216.34/hook", "https://user:pw@93.184.216.34/x",
            "not a url", "https:///nohost", "https://93.184.216.34/hook#fragment"})
    void otherThanPlainHttpsToAHostIsRefused(String url) {
        assertThat(strict.refusal(url)).isPresent();
    }

    @Test
    void aPublicHttpsAddressIsAccepted() {
        assertThat(strict.refusal("https://93.184.216.34:8443/hooks?team=7")).isEmpty();
    }

    @Test
    void allowedAddressesAndHttpAreSettings() {
        DestinationGuard tests = new DestinationGuard(true, IpBlocks.parse("127.0.0.1"));
        assertThat(tests.refusal("http://127.0.0.1:8081/hook")).isEmpty();
        assertThat(tests.refusal("http://127.0.0.2/hook")).isPresent();
        assertThat(tests.refusal("http://10.0.0.1/hook")).isPresent();
    }

    @Test
    void overlongUrlsAreRefusedBeforeAnyLookup() {
        assertThat(strict.refusal("https://example.com/" + "a".repeat(DestinationGuard.MAX_URL_LENGTH)))
                .get().asString().contains("at most");
    }
}
