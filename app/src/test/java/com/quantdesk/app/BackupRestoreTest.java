package com.quantdesk.app;

import static com.quantdesk.app.CliRun.quantdesk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.quantdesk.app.paper.PaperConfig;
import com.quantdesk.app.paper.PaperRuntime;
import com.quantdesk.core.bot.BotState;
import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.Paise;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.store.StoreConfig;
import com.quantdesk.store.journal.JournalKey;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * {@code quantdesk backup} while paper trading runs, the database destroyed, {@code quantdesk restore}:
 * the journal, the orders and the positions are what they were at the backup's sequence.
 */
class BackupRestoreTest {

    private static final String KEY = "6b".repeat(32);
    private static final AccountId ACC = AccountId.of("acc");

    @TempDir
    Path dir;

    @AfterEach
    void restoreEnvironment() {
        BackupCommand.env = SecretEnvironment.process();
    }

    @Test
    void aBackupTakenWhileTradingRestoresJournalOrdersAndPositionsUpToItsSequence() throws Exception {
        Path data = dir.resolve("data");
        BackupCommand.env = Map.of("QD_BACKUP_KEY", KEY)::get;
        String file;
        long eventsAtBackup;
        try (PaperRuntime runtime = PaperRuntime.start(config(data), StoreConfig.sqlite(data), 600, notice -> { })) {
            await().atMost(Duration.ofSeconds(60)).until(() -> runtime.status().bots().stream()
                    .mapToLong(b -> b.figures().fills()).sum() >= 4);
            CliRun backup = quantdesk("backup", "--data-dir", data.toString(), "--to", dir.resolve("backups").toString());
            assertThat(backup.exitCode()).as(backup.err()).isZero();
            file = backup.outLines().getFirst();
            eventsAtBackup = runtime.store().journal().lastSequence();
            // Trading goes on after the backup.
            await().atMost(Duration.ofSeconds(60)).until(() -> runtime.store().journal().lastSequence()
                    > eventsAtBackup + 50);
        }
        Path original = dir.resolve("original.db");
        Files.copy(data.resolve(StoreConfig.SQLITE_FILE), original);
        JournalKey key = StoreConfig.sqlite(data).loadJournalKey(false);

        // The database is lost; the key file (kept apart, like the backup key) is not.
        Files.delete(data.resolve(StoreConfig.SQLITE_FILE));
        CliRun restore = quantdesk("restore", file, "--data-dir", data.toString());
        CliRun verify = quantdesk("backup", "verify", file, "--data-dir", data.toString());

        assertThat(restore.exitCode()).as(restore.err()).isZero();
        long sequence = Long.parseLong(restore.out().replaceAll("(?s).*events up to sequence (\\d+).*", "$1"));
        assertThat(sequence).isBetween(1L, eventsAtBackup);
        SortedMap<String, String> restored = JournalCommand.State.replay(sqlite(data.resolve(StoreConfig.SQLITE_FILE)),
                key, null);
        SortedMap<String, String> atBackup = JournalCommand.State.replay(sqlite(original), key, sequence);
        assertThat(restored).isEqualTo(atBackup);
        assertThat(restored.keySet()).anyMatch(fact -> fact.contains("/position/"));
        assertThat(TestRows.select(sqlite(data.resolve(StoreConfig.SQLITE_FILE)), "SELECT * FROM fills ORDER BY sequence"))
                .isEqualTo(TestRows.select(sqlite(original), "SELECT * FROM fills WHERE sequence <= " + sequence
                        + " ORDER BY sequence"));
        assertThat(verify.exitCode()).as(verify.err()).isZero();
        assertThat(verify.out()).startsWith("OK: " + file + ": ");

        // One changed byte and the backup is refused, by verify and by restore alike.
        Path changed = dir.resolve("changed.qdbackup");
        Files.copy(Path.of(file), changed);
        try (RandomAccessFile raw = new RandomAccessFile(changed.toFile(), "rw")) {
            raw.seek(raw.length() / 2);
            int b = raw.read();
            raw.seek(raw.length() / 2);
            raw.write(b ^ 0x40);
        }
        CliRun refused = quantdesk("backup", "verify", changed.toString(), "--data-dir", data.toString());
        CliRun notRestored = quantdesk("restore", changed.toString(), "--data-dir", data.toString(), "--replace");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("does not authenticate");
        assertThat(notRestored.exitCode()).isEqualTo(1);
        assertThat(JournalCommand.State.replay(sqlite(data.resolve(StoreConfig.SQLITE_FILE)), key, null))
                .isEqualTo(atBackup);
    }

    @Test
    void withoutAKeyTheBackupAsksForOne() {
        BackupCommand.env = Map.<String, String>of()::get;
        CliRun run = quantdesk("backup", "--data-dir", dir.toString());

        assertThat(run.exitCode()).isEqualTo(2);
    }

    private static SQLiteDataSource sqlite(Path file) {
        SQLiteDataSource data = new SQLiteDataSource();
        data.setUrl("jdbc:sqlite:" + file);
        return data;
    }

    private static PaperConfig config(Path dataDir) {
        return new PaperConfig(dataDir, Optional.empty(),
                new PaperConfig.Feed(PaperConfig.FeedMode.DEMO, Duration.ofSeconds(1), 7,
                        List.of(Symbol.of("RELIANCE"), Symbol.of("INFY")), List.of()),
                new PaperConfig.Venue(Duration.ofMillis(500), Duration.ofMillis(500), 0, 0.5),
                List.of(new PaperConfig.Account(ACC, Paise.ofRupees(10_00_000), Map.of())),
                List.of(new PaperConfig.Bot(BotId.of("sma"), ACC, "sma-cross", Map.of("fast", "2", "slow", "4", "qty",
                        "5"), List.of(Symbol.of("RELIANCE")), Duration.ofMinutes(1), BotState.RUNNING)));
    }
}
