package com.quantdesk.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the database a trivial question on its own schedule, with a short timeout, on a connection of
 * its own (not the pool's, which may wait seconds for a connection). The journal's health follows it,
 * so new orders are refused within about a second of the database going away, not only after a
 * commit has failed; and when it answers again, the journal retries at once.
 */
public final class DatabaseProbe implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseProbe.class);

    /** Opens a connection for the probe. */
    @FunctionalInterface
    public interface Connector {
        Connection connect() throws SQLException;
    }

    private final Connector connector;
    private final Duration timeout;
    private final Runnable onBack;
    private final ScheduledExecutorService schedule;
    private final ExecutorService worker;
    private volatile boolean reachable = true;
    // Owned by the schedule thread.
    private Future<Boolean> inFlight;
    // Owned by the worker thread.
    private Connection connection;

    /**
     * Starts probing.
     *
     * @param every   time between probes
     * @param timeout how long one probe may take before the database counts as unreachable
     * @param onBack  called when the database answers again after it did not
     */
    public DatabaseProbe(Connector connector, Duration every, Duration timeout, Runnable onBack) {
        this.connector = Objects.requireNonNull(connector, "connector");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.onBack = Objects.requireNonNull(onBack, "onBack");
        this.schedule = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "quantdesk-db-probe"));
        this.worker = Executors.newSingleThreadExecutor(r -> daemon(r, "quantdesk-db-probe-io"));
        schedule.scheduleWithFixedDelay(this::probe, every.toNanos(), every.toNanos(), TimeUnit.NANOSECONDS);
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    /** Whether the database answered the last probe in time. */
    public boolean reachable() {
        return reachable;
    }

    private void probe() {
        boolean ok;
        if (inFlight != null && !inFlight.isDone()) {
            ok = false; // the last probe still hangs: the database is not answering
        } else {
            inFlight = worker.submit(this::ask);
            try {
                ok = inFlight.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException e) {
                ok = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (ok != reachable) {
            LOG.info("database probe: the database {}", ok ? "answers again" : "does not answer");
        }
        boolean back = ok && !reachable;
        reachable = ok;
        if (back) {
            onBack.run();
        }
    }

    private boolean ask() {
        try {
            if (connection == null) {
                connection = connector.connect();
            }
            try (Statement statement = connection.createStatement()) {
                statement.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
                statement.execute("SELECT 1");
            }
            return true;
        } catch (SQLException e) {
            closeConnection();
            return false;
        }
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // It is being dropped because it failed; nothing more to do with it.
            }
            connection = null;
        }
    }

    @Override
    public void close() {
        if (schedule.isShutdown()) {
            return;
        }
        schedule.shutdownNow();
        worker.execute(this::closeConnection);
        worker.shutdown();
        try {
            worker.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        worker.shutdownNow();
    }
}
