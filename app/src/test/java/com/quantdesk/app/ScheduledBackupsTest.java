package com.quantdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.quantdesk.app.api.ApiTests;
import com.quantdesk.app.paper.PaperRuntime;
import com.quantdesk.store.StoreConfig;
import com.quantdesk.store.backup.BackupKey;
import com.quantdesk.store.backup.Retention;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backups a running process takes on a schedule, pruned to the retention; a failure is a notice. */
class ScheduledBackupsTest {

    @TempDir
    Path dir;

    @Test
    void backupsArriveOnScheduleAndOnlyTheRetainedOnesStay() throws Exception {
        List<String> notices = new CopyOnWriteArrayList<>();
        Path to = dir.resolve("backups");
        try (PaperRuntime runtime = ApiTests.runtime(dir.resolve("data"), List.of("INFY"), "acc");
             ScheduledBackups backups = ScheduledBackups.start(StoreConfig.sqlite(dir.resolve("data")),
                     runtime.store().journalKey(), BackupKey.parse("7c".repeat(32), "test"), to,
                     new Retention(1, 0, 0), Duration.ofMillis(300), Duration.ofDays(7), notices::add)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> notices.stream()
                    .filter(n -> n.startsWith("backup: ")).count() >= 3);
        }
        // The first backup is restore-tested (none was before); the next ones are not, a week not having passed.
        assertThat(notices.get(1)).startsWith("restore test: " + to.resolve("quantdesk-"));
        assertThat(notices.stream().filter(n -> n.startsWith("restore test: "))).hasSize(1);
        assertThat(notices.stream().filter(n -> !n.startsWith("restore test: ")))
                .allSatisfy(n -> assertThat(n).startsWith("backup: " + to.resolve("quantdesk-")));
        assertThat(Retention.list(to)).hasSize(1);
        assertThat(Files.list(to).filter(f -> f.toString().endsWith(".part"))).isEmpty();
    }

    @Test
    void aBackupOverdueAtStartIsTakenAtOnceAndItsFiguresAreGauges() throws Exception {
        List<String> notices = new CopyOnWriteArrayList<>();
        Path to = dir.resolve("backups");
        Files.createDirectories(to);
        Path old = to.resolve("quantdesk-20200101T000000Z-1.qdbackup");
        Files.writeString(old, "a backup from long ago");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (PaperRuntime runtime = ApiTests.runtime(dir.resolve("data"), List.of("INFY"), "acc");
             ScheduledBackups backups = ScheduledBackups.start(StoreConfig.sqlite(dir.resolve("data")),
                     runtime.store().journalKey(), BackupKey.parse("7c".repeat(32), "test"), to,
                     new Retention(1, 0, 0), Duration.ofHours(1), Duration.ofDays(7), notices::add)) {
            backups.bindMetrics(registry);
            // The newest backup is years old: the first of the hourly schedule comes at once, not in an hour.
            await().atMost(Duration.ofSeconds(20)).until(() -> notices.size() == 2);
            Path newest = Retention.list(to).getFirst().file();
            String sequence = newest.getFileName().toString().replaceAll(".*-(\\d+)\\.qdbackup", "$1");
            assertThat(notices.getFirst()).isEqualTo("backup: " + newest + " (events up to " + sequence
                    + "); pruned 1 older by the retention");
            // No restore test was recorded: this backup is restored into scratch space and replayed at once.
            assertThat(notices.get(1)).startsWith("restore test: " + newest + ": ").contains(" events up to sequence "
                    + sequence + ", chain intact");
            assertThat(RestoreTest.last(to)).isPresent();
            assertThat(registry.get("quantdesk.restore.test.last.success").gauge().value())
                    .isEqualTo((double) RestoreTest.last(to).orElseThrow().getEpochSecond());
            assertThat(registry.get("quantdesk.backup.configured").gauge().value()).isEqualTo(1.0);
            assertThat(registry.get("quantdesk.backup.interval").gauge().value()).isEqualTo(3600.0);
            assertThat(old).doesNotExist();
            assertThat(registry.get("quantdesk.backup.last.size").gauge().value())
                    .isEqualTo((double) Files.size(newest));
            assertThat(registry.get("quantdesk.backup.last.success").gauge().value())
                    .isCloseTo((double) Retention.taken(newest).orElseThrow().getEpochSecond(),
                            org.assertj.core.data.Offset.offset(1.0));
            assertThat(registry.get("quantdesk.backup.last.duration").gauge().value()).isPositive();
            assertThat(registry.get("quantdesk.backup.failures").functionCounter().count()).isZero();
        }
    }

    @Test
    void aFailedBackupIsANoticeAndTheScheduleGoesOn() throws Exception {
        List<String> notices = new CopyOnWriteArrayList<>();
        Path to = dir.resolve("not-a-directory");
        Files.writeString(to, "a file where the backups should go");
        try (PaperRuntime runtime = ApiTests.runtime(dir.resolve("data"), List.of("INFY"), "acc");
             ScheduledBackups backups = ScheduledBackups.start(StoreConfig.sqlite(dir.resolve("data")),
                     runtime.store().journalKey(), BackupKey.parse("7c".repeat(32), "test"), to,
                     Retention.DEFAULT, Duration.ofMillis(200), Duration.ofDays(7), notices::add)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> notices.size() >= 2);
        }
        assertThat(notices).allSatisfy(n -> assertThat(n).startsWith("BACKUP FAILED: cannot write the backup in " + to));
    }

    @Test
    void aRecentRestoreTestRecordedBesideTheBackupsIsNotRepeated() throws Exception {
        List<String> notices = new CopyOnWriteArrayList<>();
        Path to = dir.resolve("backups");
        Files.createDirectories(to);
        java.time.Instant tested = java.time.Instant.now().minus(Duration.ofDays(1)).truncatedTo(
                java.time.temporal.ChronoUnit.SECONDS);
        RestoreTest.record(to.resolve("quantdesk-20200101T000000Z-1.qdbackup"), tested);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (PaperRuntime runtime = ApiTests.runtime(dir.resolve("data"), List.of("INFY"), "acc");
             ScheduledBackups backups = ScheduledBackups.start(StoreConfig.sqlite(dir.resolve("data")),
                     runtime.store().journalKey(), BackupKey.parse("7c".repeat(32), "test"), to,
                     Retention.DEFAULT, Duration.ofMillis(200), Duration.ofDays(7), notices::add)) {
            backups.bindMetrics(registry);
            await().atMost(Duration.ofSeconds(20)).until(() -> notices.size() >= 2);
            assertThat(registry.get("quantdesk.restore.test.last.success").gauge().value())
                    .isEqualTo((double) tested.getEpochSecond());
        }
        assertThat(notices).allSatisfy(n -> assertThat(n).startsWith("backup: "));
        assertThat(RestoreTest.last(to)).contains(tested);
    }
}
