package com.quantdesk.store.journal;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The journal's "durable up to" mark and the futures waiting on it. Any thread may ask; only the
 * writer thread advances the mark (the writer, or {@code close()} after giving up on it, fails it).
 * Futures complete in sequence order, on the writer thread.
 */
final class DurableFutures {

    private final ConcurrentSkipListMap<Long, CompletableFuture<Void>> waiting = new ConcurrentSkipListMap<>();
    private volatile long durable;
    private volatile JournalException failure;

    DurableFutures(long durable) {
        this.durable = durable;
    }

    /** The last durable sequence. */
    long durable() {
        return durable;
    }

    /** Why the journal stopped, or null while it runs. */
    JournalException failure() {
        return failure;
    }

    /** A future completing once {@code sequence} is durable, or exceptionally if it never will be. */
    CompletableFuture<Void> await(long sequence) {
        if (sequence <= durable) {
            return CompletableFuture.completedFuture(null);
        }
        JournalException failed = failure;
        if (failed != null) {
            return CompletableFuture.failedFuture(failed);
        }
        CompletableFuture<Void> shared = waiting.computeIfAbsent(sequence, s -> new CompletableFuture<>());
        // The writer may have passed this sequence, or failed, between the checks above and the insert;
        // it sets the mark before it drains the map, so one of the two sees the future.
        if (sequence <= durable) {
            shared.complete(null);
            waiting.remove(sequence, shared);
        } else if (failure != null) {
            shared.completeExceptionally(failure);
        }
        // A copy, so that a caller completing its future cannot complete another caller's.
        return shared.copy();
    }

    /** Writer thread: everything up to {@code sequence} is durable. */
    void advanceTo(long sequence) {
        durable = sequence;
        ConcurrentNavigableMap<Long, CompletableFuture<Void>> done = waiting.headMap(sequence, true);
        for (Map.Entry<Long, CompletableFuture<Void>> entry = done.pollFirstEntry(); entry != null;
             entry = done.pollFirstEntry()) {
            entry.getValue().complete(null);
        }
    }

    /** Nothing more will become durable: fails every waiting future and every later one. */
    void fail(JournalException cause) {
        failure = cause;
        for (Map.Entry<Long, CompletableFuture<Void>> entry = waiting.pollFirstEntry(); entry != null;
             entry = waiting.pollFirstEntry()) {
            entry.getValue().completeExceptionally(cause);
        }
    }
}
