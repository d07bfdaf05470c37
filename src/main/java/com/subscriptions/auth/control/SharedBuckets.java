package com.subscriptions.auth.control;

import com.subscriptions.cluster.control.SharedMap;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Bucket4j's buckets kept in a map that every instance shares, each change a compare-and-swap of the bucket's
 * serialized state: one bucket per key across the cluster, whichever instance takes from it.
 */
final class SharedBuckets extends AbstractCompareAndSwapBasedProxyManager<String> {

    private final SharedMap states;

    SharedBuckets(SharedMap states) {
        super(ClientSideConfig.getDefault());
        this.states = states;
    }

    @Override
    protected CompareAndSwapOperation beginCompareAndSwapOperation(String key) {
        return new CompareAndSwapOperation() {
            @Override
            public Optional<byte[]> getStateData(Optional<Long> timeoutNanos) {
                return Optional.ofNullable(states.get(key));
            }

            @Override
            public boolean compareAndSwap(byte[] original, byte[] updated, RemoteBucketState newState,
                                          Optional<Long> timeoutNanos) {
                return original == null ? states.putIfAbsent(key, updated) : states.replace(key, original, updated);
            }
        };
    }

    @Override
    protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(String key) {
        throw new UnsupportedOperationException("Synchronous only");
    }

    @Override
    protected CompletableFuture<Void> removeAsync(String key) {
        throw new UnsupportedOperationException("Synchronous only");
    }

    @Override
    public void removeProxy(String key) {
        throw new UnsupportedOperationException("Buckets go when idle");
    }

    @Override
    public boolean isAsyncModeSupported() {
        return false;
    }
}
