package com.quantdesk.store.journal;

import com.quantdesk.core.event.Event;
import com.quantdesk.core.journal.EventJournal;
import com.quantdesk.store.WriteTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javax.sql.DataSource;
import com.quantdesk.core.engine.CorrelationScope;
import com.quantdesk.core.trace.Tracer;
import com.quantdesk.core.trace.Tracing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event journal over JDBC (SQLite or PostgreSQL; the SQL is common to both).
 *
 * <p>Threading: {@link #appendStep} only checks the sequence and puts the step on a lock-free queue,
 * so the engine thread never waits for I/O. One writer thread takes whole steps off the queue into a
 * batch until it holds {@link JournalOptions#maxBatch()} events (whatever is queued, without waiting
 * for more: group commit; a step larger than the limit still goes whole), writes the events and their
 * projections in one transaction, commits, and then completes the {@link #durable} futures in sequence
 * order. A step is therefore committed entirely or not at all: no restart and no reader ever sees
 * half of one.
 *
 * <p>Every row is chained to the one before by an HMAC under the {@link JournalKey}; a replay checks
 * the chain of every row it hands out and refuses a journal that does not verify.
 *
 * <p>Failures: when a commit fails (database unreachable, timeout, lock), the batch stays with the
 * writer, {@link #isHealthy()} turns false and the writer retries with exponential backoff, topping
 * the batch up from the queue; on recovery the backlog commits in order. A commit whose outcome was
 * lost (the connection died during {@code COMMIT}) is detected on retry by reading the table's last
 * row: rows already there are checked against the chain and skipped, so nothing is written twice.
 * If the table holds rows this writer did not write, the journal fails for good: every waiting
 * future completes exceptionally, and so does every later one.
 */
public final class JdbcEventJournal implements EventJournal {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcEventJournal.class);
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final String INSERT_EVENT = """
            INSERT INTO events (sequence, time, type, account, bot, causation_id, payload, prev_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    /** Points in a commit where a test stops the process; nothing in production. */
    interface WriterHook {
        WriterHook NONE = new WriterHook() { };

        /** A row is inserted, its transaction not committed. */
        default void afterInsert(long sequence) {
        }

        /** A transaction holding events up to {@code lastSequence} is committed. */
        default void afterCommit(long lastSequence) {
        }
    }

    private final DataSource dataSource;
    private final JournalOptions options;
    private final EventCodec codec = new EventCodec();
    private final HashChain chain;
    private final JournalReplay replayer;
    private final WriterHook hook;
    private final ConcurrentLinkedQueue<Step> queue = new ConcurrentLinkedQueue<>();
    private final AtomicLong nextAppend;
    private final AtomicLong batchesCommitted = new AtomicLong();
    private volatile CommitObserver commits = (events, nanos) -> { };
    private final AtomicLong commitFailures = new AtomicLong();
    private final Thread writer;

    private final DurableFutures durable;
    private volatile boolean writerHealthy = true;
    private volatile BooleanSupplier reachable = () -> true;
    private volatile boolean closing;
    private volatile boolean writerIdle;
    private volatile boolean abandon;
    private volatile boolean retryNow;

    // Owned by the writer thread.
    private final List<Pending> batch = new ArrayList<>();
    /** The steps of the batch that a request caused (writer thread). */
    private final List<Step> correlated = new ArrayList<>();
    private String tailHash;
    private long consecutiveFailures;

    private JdbcEventJournal(DataSource dataSource, JournalOptions options, JournalKey key, WriterHook hook,
                             JournalTables.Tail tail) {
        this.dataSource = dataSource;
        this.options = options;
        this.chain = new HashChain(key);
        this.replayer = new JournalReplay(dataSource, key);
        this.hook = hook;
        this.durable = new DurableFutures(tail.sequence());
        this.tailHash = tail.hash();
        this.nextAppend = new AtomicLong(tail.sequence() + 1);
        this.writer = Thread.ofPlatform().name("quantdesk-journal-writer").daemon(true).unstarted(this::runWriter);
    }

    /**
     * Opens the journal over a migrated database and starts its writer thread. A new journal records
     * the key's id; an existing one must have been chained with this key.
     *
     * @throws BrokenJournalException if the journal was chained with another key, or without one
     * @throws JournalException       if the database cannot be read
     */
    public static JdbcEventJournal open(DataSource dataSource, JournalOptions options, JournalKey key) {
        return open(dataSource, options, key, WriterHook.NONE);
    }

    static JdbcEventJournal open(DataSource dataSource, JournalOptions options, JournalKey key, WriterHook hook) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(key, "key");
        JournalTables.Tail tail = JournalTables.claim(dataSource, key);
        JdbcEventJournal journal = new JdbcEventJournal(dataSource, options, key, hook, tail);
        journal.writer.start();
        return journal;
    }

    @Override
    public void appendStep(List<Event> events) {
        if (closing) {
            throw new IllegalStateException("journal is closed; " + events.size() + " events not appended");
        }
        if (events.isEmpty()) {
            return;
        }
        long expected = nextAppend.get();
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).sequence() != expected + i) {
                // The engine's stream and the journal's have parted: nothing more can be made durable
                // in order, so the journal fails closed (unhealthy, every waiting caller told).
                String problem = "event sequence " + events.get(i).sequence() + " out of order: expected "
                        + (expected + i);
                fail(new JournalException("the journal stopped: " + problem));
                throw new IllegalArgumentException(problem);
            }
        }
        if (!nextAppend.compareAndSet(expected, expected + events.size())) {
            throw new IllegalStateException("steps appended concurrently; the journal has one writer, the engine");
        }
        if (durable.failure() != null) {
            // The writer has stopped; durable() reports the failure, and queuing would only grow the heap.
            return;
        }
        queue.offer(new Step(List.copyOf(events), CorrelationScope.capture()));
        // Waking a parked thread is a system call; a busy writer polls the queue anyway.
        if (writerIdle) {
            LockSupport.unpark(writer);
        }
    }

    @Override
    public CompletableFuture<Void> durable(long sequence) {
        return durable.await(sequence);
    }

    /**
     * Whether the journal can commit now: its last commit did not fail, and the database answers the
     * probe (when one is watched, it notices an outage before a commit fails).
     */
    @Override
    public boolean isHealthy() {
        return writerHealthy && durable.failure() == null && reachable.getAsBoolean();
    }

    /**
     * Lets {@link #isHealthy()} also follow a probe of the database, e.g. {@code DatabaseProbe::reachable}.
     */
    public void watch(BooleanSupplier databaseReachable) {
        this.reachable = Objects.requireNonNull(databaseReachable, "databaseReachable");
    }

    /** The database is back: retry a failed commit now rather than after the backoff. */
    public void retryNow() {
        retryNow = true;
        LockSupport.unpark(writer);
    }

    /** The sequence of the last durable event: read from the table on open, advanced by every commit. */
    @Override
    public long lastSequence() {
        return durable.durable();
    }

    /** Commits that failed and were retried since the journal opened. */
    public long commitFailures() {
        return commitFailures.get();
    }

    /** What a commit tells an observer (metrics): on the writer thread, so it must be quick. */
    @FunctionalInterface
    public interface CommitObserver {
        /** A transaction of {@code events} events committed in {@code nanos} (connection included). */
        void committed(int events, long nanos);
    }

    /** Tells {@code observer} of every commit from now on (replacing an earlier one). */
    public void observeCommits(CommitObserver observer) {
        this.commits = observer;
    }

    /** Transactions committed by the writer so far (one per batch); for metrics and tests. */
    public long batchesCommitted() {
        return batchesCommitted.get();
    }

    /** Events appended but not yet durable. */
    public long backlog() {
        return nextAppend.get() - 1 - durable.durable();
    }

    /**
     * Reads every stored event in sequence order, checks its place in the keyed chain, and hands it
     * to {@code sink} on the calling thread.
     *
     * @throws BrokenJournalException if a row does not verify (events before it were handed out)
     * @throws JournalException       if the database fails or a row is missing or does not decode
     */
    @Override
    public void replay(Consumer<Event> sink) {
        replayer.replay(sink);
    }

    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        LockSupport.unpark(writer);
        try {
            writer.join(options.closeTimeout());
            if (writer.isAlive()) {
                LOG.error("journal: {} events still not durable after {}; giving up", backlog(),
                        options.closeTimeout());
                abandon = true;
                LockSupport.unpark(writer);
                writer.join(options.closeTimeout());
            }
        } catch (InterruptedException e) {
            abandon = true;
            Thread.currentThread().interrupt();
        }
        if (backlog() > 0) {
            fail(new JournalException("journal closed before event " + (durable.durable() + 1) + " was durable"));
        }
    }

    // ---------------------------------------------------------------- writer thread

    private void runWriter() {
        long retryAt = 0;
        long backoff = options.minBackoff().toNanos();
        while (!abandon) {
            topUpBatch();
            if (batch.isEmpty()) {
                if (closing) {
                    return;
                }
                // Idle is published before the queue is checked again, so an append either sees it and
                // unparks, or its step is seen here.
                writerIdle = true;
                if (queue.isEmpty() && !closing) {
                    LockSupport.parkNanos(this, IDLE_PARK_NANOS);
                }
                writerIdle = false;
                continue;
            }
            if (retryNow) {
                retryNow = false;
                retryAt = 0;
                backoff = options.minBackoff().toNanos();
            }
            long wait = retryAt - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(this, wait);
                continue;
            }
            try {
                commitBatch();
                if (!writerHealthy) {
                    LOG.info("journal: database is back after {} failed commits", consecutiveFailures);
                }
                writerHealthy = true;
                consecutiveFailures = 0;
                backoff = options.minBackoff().toNanos();
            } catch (SQLException e) {
                writerHealthy = false;
                consecutiveFailures++;
                commitFailures.incrementAndGet();
                if (consecutiveFailures == 1 || Long.bitCount(consecutiveFailures) == 1) {
                    LOG.warn("journal: commit of events {}..{} failed ({} times so far), retrying in {} ms: {}",
                            batch.getFirst().event().sequence(), batch.getLast().event().sequence(),
                            consecutiveFailures, TimeUnit.NANOSECONDS.toMillis(backoff), e.toString());
                }
                retryAt = System.nanoTime() + backoff;
                backoff = Math.min(backoff * 2, options.maxBackoff().toNanos());
            } catch (JournalException e) {
                LOG.error("journal: stopped: {}", e.getMessage());
                fail(e);
                return;
            } catch (RuntimeException e) {
                LOG.error("journal: writer failed", e);
                fail(new JournalException("journal writer failed: " + e, e));
                return;
            }
        }
    }

    /** Moves whole steps from the queue into the batch while it holds fewer than maxBatch events. */
    private void topUpBatch() {
        Step step;
        while (batch.size() < options.maxBatch() && (step = queue.poll()) != null) {
            for (Event event : step.events()) {
                batch.add(new Pending(event, codec.encode(event)));
            }
            if (step.handoff() != null) {
                correlated.add(step);
            }
        }
    }

    /** One span per step of the batch that a request caused, a child of the request's engine command. */
    private List<Tracer.Span> startCommitSpans() {
        if (correlated.isEmpty()) {
            return List.of();
        }
        List<Tracer.Span> spans = new ArrayList<>(correlated.size());
        for (Step step : correlated) {
            step.handoff().run(() -> spans.add(Tracing.tracer().startSpan("journal commit")
                    .attribute("quantdesk.events", step.events().getFirst().sequence() + ".."
                            + step.events().getLast().sequence())));
        }
        return spans;
    }

    /** One line per committed step a request caused, under that request's correlation id. */
    private void logCorrelatedSteps(long nanos) {
        if (LOG.isDebugEnabled()) {
            for (Step step : correlated) {
                step.handoff().run(() -> LOG.debug("journal: events {}..{} durable (commit of {} events, {} µs)",
                        step.events().getFirst().sequence(), step.events().getLast().sequence(), batch.size(),
                        TimeUnit.NANOSECONDS.toMicros(nanos)));
            }
        }
        correlated.clear();
    }

    private void commitBatch() throws SQLException {
        String lastHash;
        long last = batch.getLast().event().sequence();
        long started = System.nanoTime();
        List<Tracer.Span> spans = startCommitSpans();
        try (Connection connection = dataSource.getConnection()) {
            lastHash = WriteTransaction.run(connection, c -> insert(c, alreadyStored(JournalTables.tail(c))));
        } finally {
            spans.forEach(Tracer.Span::end);
        }
        long took = System.nanoTime() - started;
        commits.committed(batch.size(), took);
        logCorrelatedSteps(took);
        hook.afterCommit(last);
        tailHash = lastHash;
        batch.clear();
        batchesCommitted.incrementAndGet();
        durable.advanceTo(last);
    }

    /**
     * How many events at the head of the batch the table already holds. Normally none; after a commit
     * whose acknowledgement was lost, the rows that did commit (whole steps, since a transaction holds
     * whole steps), verified against the chain.
     */
    private int alreadyStored(JournalTables.Tail tail) {
        long lastDurable = durable.durable();
        if (tail.sequence() == lastDurable && tail.hash().equals(tailHash)) {
            return 0;
        }
        String hash = tailHash;
        for (int i = 0; i < batch.size(); i++) {
            EncodedEvent row = batch.get(i).row();
            hash = chain.hash(hash, row);
            if (row.sequence() == tail.sequence()) {
                if (!hash.equals(tail.hash())) {
                    break;
                }
                LOG.info("journal: events {}..{} were already committed by an earlier attempt", lastDurable + 1,
                        tail.sequence());
                return i + 1;
            }
        }
        throw new JournalException("the events table changed under the writer: its last row is "
                + tail.sequence() + " with hash " + tail.hash() + ", but this writer committed up to "
                + lastDurable + " with hash " + tailHash + " (another writer, or a restore?)");
    }

    private String insert(Connection connection, int skip) throws SQLException {
        String hash = tailHash;
        try (PreparedStatement insert = connection.prepareStatement(INSERT_EVENT);
             Projections projections = new Projections(connection)) {
            for (int i = 0; i < batch.size(); i++) {
                Pending pending = batch.get(i);
                String previous = hash;
                hash = chain.hash(previous, pending.row());
                if (i < skip) {
                    continue;
                }
                EncodedEvent row = pending.row();
                JournalTables.bindEvent(insert, row, previous, hash);
                insert.addBatch();
                projections.apply(pending.event());
                hook.afterInsert(row.sequence());
            }
            if (skip < batch.size()) {
                insert.executeBatch();
            }
        }
        return hash;
    }

    private void fail(JournalException cause) {
        writerHealthy = false;
        durable.fail(cause);
    }

    private record Pending(Event event, EncodedEvent row) {
    }

    /** A whole engine step, with the correlation id and trace of the request that caused it (null for none). */
    private record Step(List<Event> events, CorrelationScope.Handoff handoff) {
    }
}
