package com.quantdesk.store.journal;

import com.quantdesk.core.event.Event;
import com.quantdesk.core.journal.EventJournal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event journal over JDBC (SQLite or PostgreSQL; the SQL is common to both).
 *
 * <p>Threading: {@link #append} only checks the sequence and puts the event on a lock-free queue, so
 * the engine thread never waits for I/O. One writer thread drains the queue into batches of up to
 * {@link JournalOptions#maxBatch()} events (whatever is queued, without waiting for more: group
 * commit), writes the events and their projections in one transaction, commits, and then completes
 * the {@link #durable} futures in sequence order.
 *
 * <p>Failures: when a commit fails (database unreachable, timeout, lock), the batch stays with the
 * writer, {@link #isHealthy()} turns false and the writer retries with exponential backoff, topping
 * the batch up from the queue; on recovery the backlog commits in order. A commit whose outcome was
 * lost (the connection died during {@code COMMIT}) is detected on retry by reading the table's last
 * row: rows already there are checked against the hash chain and skipped, so nothing is written
 * twice. If the table holds rows this writer did not write, the journal fails for good: every
 * waiting future completes exceptionally, and so does every later one.
 */
public final class JdbcEventJournal implements EventJournal {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcEventJournal.class);
    /** Replay: rows per decoding batch, threads decoding, batches decoded ahead of the sink. */
    private static final int REPLAY_BATCH = 2_000;
    private static final int REPLAY_DECODERS = 2;
    private static final int REPLAY_IN_FLIGHT = 4;
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final String INSERT_EVENT = """
            INSERT INTO events (sequence, time, type, account, bot, causation_id, payload, prev_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String SELECT_TAIL = "SELECT sequence, hash FROM events ORDER BY sequence DESC LIMIT 1";

    private final DataSource dataSource;
    private final JournalOptions options;
    private final EventCodec codec = new EventCodec();
    private final ConcurrentLinkedQueue<Event> queue = new ConcurrentLinkedQueue<>();
    private final AtomicLong nextAppend;
    private final AtomicLong batchesCommitted = new AtomicLong();
    private final Thread writer;

    private final DurableFutures durable;
    private volatile boolean healthy = true;
    private volatile boolean closing;
    private volatile boolean writerIdle;
    private volatile boolean abandon;

    // Owned by the writer thread.
    private final List<Pending> batch = new ArrayList<>();
    private String tailHash;
    private long consecutiveFailures;

    private JdbcEventJournal(DataSource dataSource, JournalOptions options, long lastSequence, String lastHash) {
        this.dataSource = dataSource;
        this.options = options;
        this.durable = new DurableFutures(lastSequence);
        this.tailHash = lastHash;
        this.nextAppend = new AtomicLong(lastSequence + 1);
        this.writer = Thread.ofPlatform().name("quantdesk-journal-writer").daemon(true).unstarted(this::runWriter);
    }

    /**
     * Opens the journal over a migrated database and starts its writer thread.
     *
     * @throws JournalException if the database cannot be read
     */
    public static JdbcEventJournal open(DataSource dataSource, JournalOptions options) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(options, "options");
        Tail tail;
        try (Connection connection = dataSource.getConnection()) {
            tail = readTail(connection);
        } catch (SQLException e) {
            throw new JournalException("cannot read the journal's last event: " + e.getMessage(), e);
        }
        JdbcEventJournal journal = new JdbcEventJournal(dataSource, options, tail.sequence(), tail.hash());
        journal.writer.start();
        return journal;
    }

    @Override
    public void append(Event event) {
        if (closing) {
            throw new IllegalStateException("journal is closed; event " + event.sequence() + " not appended");
        }
        long expected = nextAppend.get();
        if (event.sequence() != expected || !nextAppend.compareAndSet(expected, expected + 1)) {
            throw new IllegalArgumentException("event sequence " + event.sequence() + " out of order: expected "
                    + expected);
        }
        if (durable.failure() != null) {
            // The writer has stopped; durable() reports the failure, and queuing would only grow the heap.
            return;
        }
        queue.offer(event);
        // Waking a parked thread is a system call; a busy writer polls the queue anyway.
        if (writerIdle) {
            LockSupport.unpark(writer);
        }
    }

    @Override
    public CompletableFuture<Void> durable(long sequence) {
        return durable.await(sequence);
    }

    @Override
    public boolean isHealthy() {
        return healthy && durable.failure() == null;
    }

    /** The sequence of the last durable event: read from the table on open, advanced by every commit. */
    @Override
    public long lastSequence() {
        return durable.durable();
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
     * Reads every stored event in sequence order and hands it to {@code sink} on the calling thread.
     *
     * @throws JournalException if the database fails or a row is missing or does not decode
     */
    @Override
    public void replay(Consumer<Event> sink) {
        // Decoding the payloads is most of a replay's work: it runs on other threads, batch by batch,
        // while this thread reads rows and hands decoded events to the sink strictly in order.
        ExecutorService decoders = Executors.newFixedThreadPool(REPLAY_DECODERS, runnable -> {
            Thread thread = new Thread(runnable, "journal-replay");
            thread.setDaemon(true);
            return thread;
        });
        ArrayDeque<Future<List<Event>>> decoding = new ArrayDeque<>();
        var batch = new Object() {
            List<EncodedEvent> rows = new ArrayList<>(REPLAY_BATCH);
        };
        try (Connection connection = dataSource.getConnection()) {
            JournalReader.read(connection, row -> {
                batch.rows.add(row.event());
                if (batch.rows.size() == REPLAY_BATCH) {
                    decoding.add(decoders.submit(decodeAll(batch.rows)));
                    batch.rows = new ArrayList<>(REPLAY_BATCH);
                    while (decoding.size() > REPLAY_IN_FLIGHT) {
                        deliver(decoding.poll(), sink);
                    }
                }
            }, true);
            decoding.add(decoders.submit(decodeAll(batch.rows)));
            while (!decoding.isEmpty()) {
                deliver(decoding.poll(), sink);
            }
        } catch (SQLException e) {
            throw new JournalException("cannot replay the journal: " + e.getMessage(), e);
        } finally {
            decoders.shutdownNow();
        }
    }

    private Callable<List<Event>> decodeAll(List<EncodedEvent> rows) {
        return () -> {
            List<Event> events = new ArrayList<>(rows.size());
            for (EncodedEvent row : rows) {
                events.add(codec.decode(row));
            }
            return events;
        };
    }

    private static void deliver(Future<List<Event>> decoded, Consumer<Event> sink) {
        List<Event> events;
        try {
            events = decoded.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JournalException("replay interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new JournalException("cannot decode the journal: " + e.getCause(), e.getCause());
        }
        events.forEach(sink);
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
                // unparks, or its event is seen here.
                writerIdle = true;
                if (queue.isEmpty() && !closing) {
                    LockSupport.parkNanos(this, IDLE_PARK_NANOS);
                }
                writerIdle = false;
                continue;
            }
            long wait = retryAt - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(this, wait);
                continue;
            }
            try {
                commitBatch();
                if (!healthy) {
                    LOG.info("journal: database is back after {} failed commits", consecutiveFailures);
                }
                healthy = true;
                consecutiveFailures = 0;
                backoff = options.minBackoff().toNanos();
            } catch (SQLException e) {
                healthy = false;
                consecutiveFailures++;
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

    private void topUpBatch() {
        Event event;
        while (batch.size() < options.maxBatch() && (event = queue.poll()) != null) {
            batch.add(new Pending(event, codec.encode(event)));
        }
    }

    private void commitBatch() throws SQLException {
        String lastHash;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int skip = alreadyStored(readTail(connection));
                lastHash = insert(connection, skip);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection, e);
                throw e;
            }
        }
        long last = batch.getLast().event().sequence();
        tailHash = lastHash;
        batch.clear();
        batchesCommitted.incrementAndGet();
        durable.advanceTo(last);
    }

    /**
     * How many events at the head of the batch the table already holds. Normally none; after a commit
     * whose acknowledgement was lost, the rows that did commit, verified against the hash chain.
     */
    private int alreadyStored(Tail tail) {
        long lastDurable = durable.durable();
        if (tail.sequence() == lastDurable && tail.hash().equals(tailHash)) {
            return 0;
        }
        String hash = tailHash;
        for (int i = 0; i < batch.size(); i++) {
            EncodedEvent row = batch.get(i).row();
            hash = HashChain.hash(hash, row);
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
                hash = HashChain.hash(previous, pending.row());
                if (i < skip) {
                    continue;
                }
                EncodedEvent row = pending.row();
                insert.setLong(1, row.sequence());
                insert.setString(2, row.time());
                insert.setString(3, row.type());
                insert.setString(4, row.account());
                insert.setString(5, row.bot());
                insert.setLong(6, row.causationId());
                insert.setString(7, row.payload());
                insert.setString(8, previous);
                insert.setString(9, hash);
                insert.addBatch();
                projections.apply(pending.event());
            }
            if (skip < batch.size()) {
                insert.executeBatch();
            }
        }
        return hash;
    }

    private void fail(JournalException cause) {
        healthy = false;
        durable.fail(cause);
    }

    private static Tail readTail(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SELECT_TAIL);
             ResultSet rs = statement.executeQuery()) {
            return rs.next() ? new Tail(rs.getLong(1), rs.getString(2)) : new Tail(0, HashChain.GENESIS);
        }
    }

    private static void rollbackQuietly(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private record Pending(Event event, EncodedEvent row) {
    }

    private record Tail(long sequence, String hash) {
    }
}
