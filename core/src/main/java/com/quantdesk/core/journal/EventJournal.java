package com.quantdesk.core.journal;

import com.quantdesk.core.event.Event;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Port to the durable, append-only, hash-chained event journal. The engine thread hands it the
 * events of each engine step and never waits for I/O; a writer thread commits whole steps in
 * batches (group commit: several steps may share a transaction, a step is never split across two)
 * and completes the futures of {@link #durable(long)} once they are on disk.
 */
public interface EventJournal extends AutoCloseable {

    /**
     * Queues the events of one engine step, to be committed together or not at all. Events must
     * arrive in sequence order without gaps, starting after {@link #lastSequence()}. Never blocks on
     * I/O.
     *
     * @throws IllegalArgumentException if the events are out of sequence
     */
    void appendStep(List<Event> events);

    /** Queues one event as a step of its own. */
    default void append(Event event) {
        appendStep(List.of(event));
    }

    /**
     * A future that completes when every event up to and including {@code sequence} is durable, or
     * completes exceptionally if the journal cannot make it durable (the caller must not act as if it
     * were).
     */
    CompletableFuture<Void> durable(long sequence);

    /** Whether the journal is currently able to commit (false while its database is unreachable). */
    boolean isHealthy();

    /** The sequence of the last durable event, 0 for an empty journal. */
    long lastSequence();

    /** Replays every durable event in sequence order (used on start, before any append). */
    void replay(Consumer<Event> sink);

    /** Flushes what is queued and releases resources. */
    @Override
    void close();
}
