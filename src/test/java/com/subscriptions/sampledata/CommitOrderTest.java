package com.subscriptions.sampledata;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Writers that finish their batches in any order commit them in the batches' order; a failure frees the others. */
class CommitOrderTest {

    @Test
    void batchesCommitInTheirOrderWhateverOrderTheirWritersArriveIn() throws Exception {
        CommitOrder order = new CommitOrder();
        List<Long> commits = new CopyOnWriteArrayList<>();
        List<Thread> writers = new ArrayList<>();
        for (long sequence : new long[] {3, 1, 2, 0}) {
            Thread writer = new Thread(() -> {
                try {
                    order.awaitTurn(sequence);
                    commits.add(sequence);
                    order.committed(sequence);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            writers.add(writer);
            writer.start();
            Thread.sleep(20);
        }
        for (Thread writer : writers) {
            writer.join(5_000);
        }
        assertThat(commits).containsExactly(0L, 1L, 2L, 3L);
    }

    @Test
    void aFailedWriterReleasesTheOnesWaitingForItsBatch() throws Exception {
        CommitOrder order = new CommitOrder();
        CountDownLatch released = new CountDownLatch(1);
        Throwable[] seen = new Throwable[1];
        Thread waiting = new Thread(() -> {
            try {
                order.awaitTurn(1);
            } catch (RuntimeException | InterruptedException e) {
                seen[0] = e;
            }
            released.countDown();
        });
        waiting.start();
        order.fail(new IllegalStateException("batch 0 failed"));
        assertThat(released.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(seen[0]).hasMessage("another writer failed").hasRootCauseMessage("batch 0 failed");
        assertThatThrownBy(() -> order.awaitTurn(0)).hasMessage("another writer failed");
    }
}
