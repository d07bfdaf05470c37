package com.subscriptions.pool.control;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PayaraCommandsTest {

    private static final String RACE = "get failed: PlainTextActionReporterFAILUREjava.lang.RuntimeException: "
            + "java.util.ConcurrentModificationExceptionError during authorization";

    @Test
    void aReadThatLostARaceInPayarasMonitoringIsMadeAgain() {
        AtomicInteger reads = new AtomicInteger();
        assertThat(PayaraCommands.againOnRace(failingFirst(2, RACE, reads))).isEqualTo("numconnfree-current = 3");
        assertThat(reads).hasValue(3);
    }

    @Test
    void threeLostRacesFailAndOtherFailuresAreNotRepeated() {
        AtomicInteger reads = new AtomicInteger();
        assertThatThrownBy(() -> PayaraCommands.againOnRace(failingFirst(3, RACE, reads)))
                .hasMessageContaining("ConcurrentModificationException");
        assertThat(reads).hasValue(3);
        AtomicInteger once = new AtomicInteger();
        assertThatThrownBy(() -> PayaraCommands.againOnRace(failingFirst(1, "get failed: no such pool", once)))
                .hasMessageContaining("no such pool");
        assertThat(once).hasValue(1);
    }

    @Test
    void valuesAreTheLinesByTheLastPartOfTheirName() {
        assertThat(PayaraCommands.values("server.resources.SubscriptionsPool.numconnfree-current = 3\nno value here\n"
                + "resources.jdbc-connection-pool.SubscriptionsPool.max-pool-size=32"))
                .containsExactly(Map.entry("numconnfree-current", "3"), Map.entry("max-pool-size", "32"));
    }

    private static Supplier<String> failingFirst(int failures, String message, AtomicInteger reads) {
        return () -> {
            if (reads.incrementAndGet() <= failures) {
                throw new IllegalStateException(message);
            }
            return "numconnfree-current = 3";
        };
    }
}
