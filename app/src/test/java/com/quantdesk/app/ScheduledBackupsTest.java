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
                     new Retention(1, 0, 0), Duration.ofMillis(300), notices::add)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> notices.stream()
                    .filter(n -> n.startsWith("backup: ")).count() >= 3);
        }
        assertThat(notices).allSatisfy(n -> assertThat(n).startsWith("backup: " + to.resolve("quantdesk-")));
        assertThat(Retention.list(to)).hasSize(1);
        assertThat(Files.list(to).filter(f -> f.toString().endsWith(".part"))).isEmpty();
    }

    @Test
    void aFailedBackupIsANoticeAndTheScheduleGoesOn() throws Exception {
        List<String> notices = new CopyOnWriteArrayList<>();
        Path to = dir.resolve("not-a-directory");
        Files.writeString(to, "a file where the backups should go");
        try (PaperRuntime runtime = ApiTests.runtime(dir.resolve("data"), List.of("INFY"), "acc");
             ScheduledBackups backups = ScheduledBackups.start(StoreConfig.sqlite(dir.resolve("data")),
                     runtime.store().journalKey(), BackupKey.parse("7c".repeat(32), "test"), to,
                     Retention.DEFAULT, Duration.ofMillis(200), notices::add)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> notices.size() >= 2);
        }
        assertThat(notices).allSatisfy(n -> assertThat(n).startsWith("BACKUP FAILED: cannot write the backup in " + to));
    }
}
