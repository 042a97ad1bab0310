package com.quantdesk.app;

import com.quantdesk.store.StoreConfig;
import com.quantdesk.store.backup.BackupException;
import com.quantdesk.store.backup.BackupKey;
import com.quantdesk.store.backup.Backups;
import com.quantdesk.store.backup.Retention;
import com.quantdesk.store.journal.JournalKey;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backups taken by a running process on a schedule, each followed by pruning to the retention, on a
 * thread of their own (a backup never holds up trading: SQLite's online backup and pg_dump read
 * beside the writer). Every backup and every failure is an operator notice.
 */
final class ScheduledBackups implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledBackups.class);

    private final ScheduledExecutorService thread;
    // Written by the backup thread, read by the metrics scrape.
    private volatile double lastSuccessEpochSeconds;
    private volatile double lastSizeBytes;
    private volatile double lastDurationSeconds;
    private volatile double failures;
    private volatile double lastRestoreTestEpochSeconds;
    private final Duration period;
    private final Duration restoreTestEvery;

    private ScheduledBackups(ScheduledExecutorService thread, Duration period, Duration restoreTestEvery) {
        this.thread = thread;
        this.period = period;
        this.restoreTestEvery = restoreTestEvery;
    }

    /**
     * Takes a backup every period, the first one period after the newest backup already in
     * {@code directory} (at once if that is past), so a process restarted daily still backs up daily.
     * A backup taken when the last passed restore test (of any backup in the directory) is
     * {@code restoreTestEvery} old or older is restore-tested at once ({@link RestoreTest}).
     */
    static ScheduledBackups start(StoreConfig store, JournalKey journalKey, BackupKey key, Path directory,
                                  Retention retention, Duration period, Duration restoreTestEvery,
                                  Consumer<String> notices) {
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "backups");
            t.setDaemon(true);
            return t;
        });
        ScheduledBackups backups = new ScheduledBackups(thread, period, restoreTestEvery);
        RestoreTest.last(directory).ifPresent(t -> backups.lastRestoreTestEpochSeconds = t.getEpochSecond());
        Duration first = period;
        try {
            List<Retention.Entry> existing = Retention.list(directory);
            if (!existing.isEmpty()) {
                // The gauge starts from the newest backup on disk, so a restart does not look like an overdue one.
                backups.lastSuccessEpochSeconds = existing.getFirst().taken().getEpochSecond();
                Duration since = Duration.between(existing.getFirst().taken(), java.time.Instant.now());
                first = since.compareTo(period) >= 0 ? Duration.ZERO : period.minus(since);
            }
        } catch (IOException e) {
            notices.accept("backups: cannot list " + directory + " (" + e.getMessage() + "); the first backup is "
                    + "in one period");
        }
        thread.scheduleWithFixedDelay(() -> backups.takeOne(store, journalKey, key, directory, retention, notices),
                first.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
        return backups;
    }

    private void takeOne(StoreConfig store, JournalKey journalKey, BackupKey key, Path directory, Retention retention,
                         Consumer<String> notices) {
        long started = System.nanoTime();
        try {
            Backups.Verified made = Backups.create(store, journalKey, key, directory, InstantSource.system());
            lastDurationSeconds = (System.nanoTime() - started) / 1e9;
            lastSizeBytes = java.nio.file.Files.size(made.file());
            lastSuccessEpochSeconds = made.manifest().created().toEpochMilli() / 1000.0;
            List<Path> pruned = retention.prune(directory);
            notices.accept("backup: " + made.file() + " (events up to " + made.manifest().lastSequence() + ")"
                    + (pruned.isEmpty() ? "" : "; pruned " + pruned.size() + " older by the retention"));
            java.time.Instant now = java.time.Instant.now();
            if (lastRestoreTestEpochSeconds == 0 || now.getEpochSecond() - lastRestoreTestEpochSeconds
                    >= restoreTestEvery.toSeconds()) {
                notices.accept("restore test: " + RestoreTest.run(made.file(), key, journalKey, store));
                lastRestoreTestEpochSeconds = RestoreTest.last(directory).orElse(now).getEpochSecond();
            }
        } catch (UsageException e) {
            failures++;
            notices.accept("RESTORE TEST FAILED: " + e.getMessage());
        } catch (BackupException | IOException e) {
            LOG.error("scheduled backup failed", e);
            failures++;
            notices.accept("BACKUP FAILED: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("scheduled backup failed unexpectedly", e);
            failures++;
            notices.accept("BACKUP FAILED: " + e);
        }
    }

    /**
     * Registers the schedule's gauges: when the last backup succeeded (epoch seconds, 0 before the
     * first), its size and how long it took, and how many failed since the start.
     */
    void bindMetrics(MeterRegistry registry) {
        Gauge.builder("quantdesk.backup.configured", () -> 1)
                .description("1 when scheduled backups are on").register(registry);
        Gauge.builder("quantdesk.backup.interval", this, b -> b.period.toSeconds()).baseUnit("seconds")
                .description("The backup schedule's interval").register(registry);
        Gauge.builder("quantdesk.restore.test.last.success", this, b -> b.lastRestoreTestEpochSeconds)
                .baseUnit("seconds").description("When the last restore test passed, epoch seconds (0: none)")
                .register(registry);
        Gauge.builder("quantdesk.backup.last.success", this, b -> b.lastSuccessEpochSeconds).baseUnit("seconds")
                .description("When the last scheduled backup succeeded, epoch seconds (0: none yet)").register(registry);
        Gauge.builder("quantdesk.backup.last.size", this, b -> b.lastSizeBytes).baseUnit("bytes")
                .description("Size of the last scheduled backup").register(registry);
        Gauge.builder("quantdesk.backup.last.duration", this, b -> b.lastDurationSeconds).baseUnit("seconds")
                .description("How long the last scheduled backup took").register(registry);
        io.micrometer.core.instrument.FunctionCounter.builder("quantdesk.backup.failures", this, b -> b.failures)
                .description("Scheduled backups (and restore tests) that failed since the start").register(registry);
    }

    /** The same gauges without a schedule: not configured, nothing taken, nothing tested. */
    static void bindAbsent(MeterRegistry registry) {
        Gauge.builder("quantdesk.backup.configured", () -> 0).register(registry);
        io.micrometer.core.instrument.FunctionCounter.builder("quantdesk.backup.failures", registry, r -> 0)
                .register(registry);
        for (String name : new String[] {"quantdesk.backup.interval", "quantdesk.backup.last.success",
                "quantdesk.backup.last.duration", "quantdesk.restore.test.last.success"}) {
            Gauge.builder(name, () -> 0).baseUnit("seconds").register(registry);
        }
        Gauge.builder("quantdesk.backup.last.size", () -> 0).baseUnit("bytes").register(registry);
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
