package com.subscriptions.auth.control;

import com.subscriptions.cluster.control.LocalGrid;
import com.subscriptions.cluster.control.SharedMap;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Two instances' limiters over one shared map take from one bucket per key. */
class SharedBucketsTest {

    private static Bucket bucket(SharedBuckets buckets, String key) {
        return buckets.builder().build(key, () -> BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(10).refillGreedy(10, Duration.ofMinutes(1)).build()).build());
    }

    @Test
    void twoInstancesShareOneAllowancePerKey() throws InterruptedException {
        SharedMap shared = new LocalGrid().map("rate-limits", Duration.ofMinutes(2));
        SharedBuckets onA = new SharedBuckets(shared);
        SharedBuckets onB = new SharedBuckets(shared);
        AtomicInteger granted = new AtomicInteger();
        ExecutorService racers = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 40; i++) {
            SharedBuckets instance = i % 2 == 0 ? onA : onB;
            racers.execute(() -> {
                if (bucket(instance, "login|account|7").tryConsume(1)) {
                    granted.incrementAndGet();
                }
            });
        }
        racers.shutdown();
        assertThat(racers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(granted.get()).isEqualTo(10);
        assertThat(bucket(onB, "login|account|8").tryConsume(1)).as("another key, another bucket").isTrue();
    }
}
