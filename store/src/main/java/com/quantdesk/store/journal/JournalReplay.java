package com.quantdesk.store.journal;

import com.quantdesk.core.event.Event;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Reads the journal back, checking the keyed chain of every row it hands out: each row must chain to
 * the one before ({@code prev_hash}) and its MAC must match its content under the key. Used on start
 * by the journal, and by tools that replay without writing.
 */
public final class JournalReplay {

    /** Rows per decoding batch, threads decoding, batches decoded ahead of the sink. */
    private static final int BATCH = 2_000;
    private static final int DECODERS = 2;
    private static final int IN_FLIGHT = 4;

    private final DataSource dataSource;
    private final HashChain chain;
    private final EventCodec codec = new EventCodec();

    /** A replay of the journal in {@code dataSource}, chained with {@code key}. */
    public JournalReplay(DataSource dataSource, JournalKey key) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.chain = new HashChain(key);
    }

    /**
     * Hands every stored event to {@code sink} in sequence order, on the calling thread.
     *
     * @throws BrokenJournalException if a row does not verify (events before it were handed out)
     * @throws JournalException       if the database fails or a row is missing or does not decode
     */
    public void replay(Consumer<Event> sink) {
        // Decoding and MAC-checking the rows is most of a replay's work: it runs on other threads, batch
        // by batch, while this thread reads rows, checks that each chains to the one before, and hands
        // decoded events to the sink strictly in order.
        ExecutorService decoders = Executors.newFixedThreadPool(DECODERS, runnable -> {
            Thread thread = new Thread(runnable, "journal-replay");
            thread.setDaemon(true);
            return thread;
        });
        ArrayDeque<Future<List<Event>>> decoding = new ArrayDeque<>();
        var walk = new Object() {
            List<JournalReader.StoredRow> rows = new ArrayList<>(BATCH);
            String previous = HashChain.GENESIS;
            BrokenJournalException unlinked;
        };
        try (Connection connection = dataSource.getConnection()) {
            JournalReader.read(connection, row -> {
                if (walk.unlinked != null) {
                    return;
                }
                if (!row.prevHash().equals(walk.previous)) {
                    walk.unlinked = broken(row.event().sequence(), "it does not chain to the row before it (rows "
                            + "removed, reordered or rewritten)");
                    return;
                }
                walk.previous = row.hash();
                walk.rows.add(row);
                if (walk.rows.size() == BATCH) {
                    decoding.add(decoders.submit(verifyAndDecode(walk.rows)));
                    walk.rows = new ArrayList<>(BATCH);
                    while (decoding.size() > IN_FLIGHT) {
                        deliver(decoding.poll(), sink);
                    }
                }
            }, true);
            decoding.add(decoders.submit(verifyAndDecode(walk.rows)));
            while (!decoding.isEmpty()) {
                deliver(decoding.poll(), sink);
            }
            if (walk.unlinked != null) {
                throw walk.unlinked;
            }
        } catch (SQLException e) {
            throw new JournalException("cannot replay the journal: " + e.getMessage(), e);
        } finally {
            decoders.shutdownNow();
        }
    }

    private Callable<List<Event>> verifyAndDecode(List<JournalReader.StoredRow> rows) {
        return () -> {
            List<Event> events = new ArrayList<>(rows.size());
            for (JournalReader.StoredRow row : rows) {
                if (!chain.hash(row.prevHash(), row.event()).equals(row.hash())) {
                    throw broken(row.event().sequence(), "its content does not match its MAC (the row was changed, "
                            + "or written without this journal's key)");
                }
                events.add(codec.decode(row.event()));
            }
            return events;
        };
    }

    private static BrokenJournalException broken(long sequence, String problem) {
        return new BrokenJournalException("the journal's hash chain is broken at event " + sequence + ": " + problem
                + ". Quantdesk will not trade on a journal it cannot trust; run 'quantdesk journal verify' to see "
                + "the first broken row, and restore the database from a backup");
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
}
