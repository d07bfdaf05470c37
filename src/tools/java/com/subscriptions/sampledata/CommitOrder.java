package com.subscriptions.sampledata;

/**
 * Lets writers that load batches side by side commit them in the batches' order (0, 1, 2…), so that what is
 * committed is always a prefix. A writer that fails releases the others, which then fail too.
 */
final class CommitOrder {

    private long next;
    private Throwable failure;

    /** Waits until every batch before {@code sequence} has committed. */
    synchronized void awaitTurn(long sequence) throws InterruptedException {
        while (next != sequence && failure == null) {
            wait();
        }
        if (failure != null) {
            throw new IllegalStateException("another writer failed", failure);
        }
    }

    synchronized void committed(long sequence) {
        next = sequence + 1;
        notifyAll();
    }

    synchronized void fail(Throwable cause) {
        if (failure == null) {
            failure = cause;
        }
        notifyAll();
    }
}
