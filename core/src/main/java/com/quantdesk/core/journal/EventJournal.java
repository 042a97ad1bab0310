package com.quantdesk.core.journal;

import com.quantdesk.core.event.Event;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Port to the durable, append-only, hash-chained event journal. The engine thread hands it every
 * event and never waits for I/O; a writer thread commits events in batches (group commit) and
 * completes the futures of {@link #durable(long)} once they are on disk.
 */
public interface EventJournal extends AutoCloseable {

    /**
     * Queues one event for appending. Events must arrive in sequence order without gaps, starting
     * after {@link #lastSequence()}. Never blocks on I/O.
     */
    void append(Event event);

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
