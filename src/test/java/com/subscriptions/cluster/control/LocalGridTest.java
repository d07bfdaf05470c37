package com.subscriptions.cluster.control;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class LocalGridTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aMapSwapsOnlyWhatItHolds() {
        SharedMap map = new LocalGrid().map("test", Duration.ofMinutes(1));
        assertThat(map.putIfAbsent("k", bytes("one"))).isTrue();
        assertThat(map.putIfAbsent("k", bytes("two"))).isFalse();
        assertThat(map.replace("k", bytes("two"), bytes("three"))).isFalse();
        assertThat(map.replace("k", bytes("one"), bytes("three"))).as("equal content, another array").isTrue();
        assertThat(map.get("k")).isEqualTo(bytes("three"));
        assertThat(map.replace("absent", bytes("one"), bytes("two"))).isFalse();
        assertThat(map.entries()).containsOnlyKeys("k");
    }

    @Test
    void idleEntriesAreGone() throws InterruptedException {
        SharedMap map = new LocalGrid().map("test", Duration.ofMillis(20));
        map.put("k", bytes("one"));
        Thread.sleep(40);
        assertThat(map.get("k")).isNull();
        assertThat(map.entries()).isEmpty();
        assertThat(map.putIfAbsent("k", bytes("two"))).as("an idle entry counts as absent").isTrue();
    }

    @Test
    void concurrentSwapsOfOneValueSucceedOnceEach() throws InterruptedException {
        SharedMap map = new LocalGrid().map("test", Duration.ofMinutes(1));
        map.put("counter", bytes("0"));
        AtomicInteger swaps = new AtomicInteger();
        List<Thread> threads = java.util.stream.IntStream.range(0, 4).mapToObj(i -> new Thread(() -> {
            for (int n = 0; n < 500; n++) {
                byte[] seen = map.get("counter");
                int value = Integer.parseInt(new String(seen, StandardCharsets.UTF_8));
                if (map.replace("counter", seen, bytes(String.valueOf(value + 1)))) {
                    swaps.incrementAndGet();
                }
            }
        })).toList();
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(new String(map.get("counter"), StandardCharsets.UTF_8)).isEqualTo(String.valueOf(swaps.get()));
    }

    @Test
    void aLoneInstanceIsItsOnlyMember() {
        LocalGrid grid = new LocalGrid();
        assertThat(grid.members()).singleElement().satisfies(member -> {
            assertThat(member.local()).isTrue();
            assertThat(member.id()).isEqualTo(grid.localMemberId());
        });
    }
}
