package com.quantdesk.store.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quantdesk.core.event.Event;
import com.quantdesk.store.Store;
import com.quantdesk.store.StoreConfig;
import com.quantdesk.store.Stores;
import com.quantdesk.store.journal.JournalKey;
import com.quantdesk.store.journal.SampleEvents;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backups of a real SQLite store on disk, taken while the journal writes. */
class BackupsTest {

    private static final BackupKey KEY = BackupKey.parse("1f".repeat(32), "test");
    private static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-12-03T10:00:00Z"));

    @TempDir
    Path dir;

    @Test
    void aBackupTakenWhileTheJournalWritesRestoresExactlyUpToItsSequence() throws Exception {
        Path live = dir.resolve("live");
        StoreConfig config = StoreConfig.sqlite(live).withPoolSize(2);
        Backups.Verified backup;
        try (Store store = Stores.open(config)) {
            AtomicLong next = new AtomicLong(1);
            append(store, next, 400);
            AtomicBoolean writing = new AtomicBoolean(true);
            Thread writer = Thread.ofPlatform().start(() -> {
                while (writing.get()) {
                    append(store, next, 8);
                }
            });
            try {
                backup = Backups.create(config, store.journalKey(), KEY, dir.resolve("backups"), CLOCK);
            } finally {
                writing.set(false);
                writer.join();
            }
            append(store, next, 40);
        }
        BackupManifest m = backup.manifest();
        assertThat(m.lastSequence()).isBetween(400L, rows(config.sqliteFile(), "SELECT MAX(sequence) FROM events") - 40);
        assertThat(m.events()).isEqualTo(m.lastSequence());
        assertThat(backup.file().getFileName().toString()).isEqualTo("quantdesk-20261203T100000Z-" + m.lastSequence()
                + ".qdbackup");

        // A new machine: the same journal key, no database; the backup is restored there.
        Path restored = dir.resolve("restored");
        Files.createDirectories(restored);
        Files.copy(live.resolve(JournalKey.FILE), restored.resolve(JournalKey.FILE));
        StoreConfig target = StoreConfig.sqlite(restored).withPoolSize(2);
        JournalKey journalKey = target.loadJournalKey(false);
        Backups.Verified verified = Backups.verify(backup.file(), KEY, journalKey, dir.resolve("scratch"));
        assertThat(Backups.restore(verified, target, journalKey, false, CLOCK)).isEmpty();

        String until = " WHERE sequence <= " + m.lastSequence() + " ORDER BY sequence";
        for (String table : List.of("events", "fills")) {
            assertThat(dump(target.sqliteFile(), "SELECT * FROM " + table + " ORDER BY sequence"))
                    .as(table).isEqualTo(dump(config.sqliteFile(), "SELECT * FROM " + table + until));
        }
        assertThat(dump(target.sqliteFile(), "SELECT * FROM orders ORDER BY order_id")).isNotEmpty();
        try (Store reopened = Stores.open(target)) {
            assertThat(reopened.journal().lastSequence()).isEqualTo(m.lastSequence());
        }
    }

    @Test
    void aChangedByteAnywhereIsRefusedAndNothingIsWritten() throws Exception {
        Backups.Verified backup = backupOfSmallStore();
        JournalKey journalKey = StoreConfig.sqlite(dir.resolve("live")).loadJournalKey(false);
        long size = Files.size(backup.file());
        for (long at : new long[] {30, 120, size / 2, size - 1}) {
            Path copy = dir.resolve("changed-" + at + Backups.SUFFIX);
            Files.copy(backup.file(), copy);
            try (RandomAccessFile file = new RandomAccessFile(copy.toFile(), "rw")) {
                file.seek(at);
                int b = file.read();
                file.seek(at);
                file.write(b ^ 0x01);
            }
            Path scratch = dir.resolve("scratch-" + at);
            assertThatThrownBy(() -> Backups.verify(copy, KEY, journalKey, scratch)).as("byte %d", at)
                    .isInstanceOf(BackupException.class);
            assertThat(!Files.exists(scratch) || Files.list(scratch).findAny().isEmpty())
                    .as("nothing left in scratch after byte %d", at).isTrue();
        }
    }

    @Test
    void aPayloadOfSeveralSegmentsRoundTripsAndACutOrAnExtraSegmentIsRefused() throws Exception {
        StoreConfig config = StoreConfig.sqlite(dir.resolve("live")).withPoolSize(2);
        Backups.Verified backup;
        try (Store store = Stores.open(config)) {
            append(store, new AtomicLong(1), 40);
            try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE padding (data BLOB)");
                s.execute("INSERT INTO padding VALUES (randomblob(3500000))");
            }
            backup = Backups.create(config, store.journalKey(), KEY, dir.resolve("backups"), CLOCK);
        }
        assertThat(backup.manifest().payloadBytes()).isGreaterThan(3L << 20);
        JournalKey journalKey = config.loadJournalKey(false);
        Backups.Verified verified = Backups.verify(backup.file(), KEY, journalKey, dir.resolve("scratch"));
        assertThat(Files.size(verified.payload())).isEqualTo(backup.manifest().payloadBytes());

        byte[] whole = Files.readAllBytes(backup.file());
        Path cut = dir.resolve("cut" + Backups.SUFFIX);
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length - (1 << 20) - 40));
        assertThatThrownBy(() -> Backups.verify(cut, KEY, journalKey, dir.resolve("s1")))
                .hasMessageContaining("truncated");
        Path longer = dir.resolve("longer" + Backups.SUFFIX);
        byte[] extra = java.util.Arrays.copyOf(whole, whole.length + 1);
        Files.write(longer, extra);
        assertThatThrownBy(() -> Backups.verify(longer, KEY, journalKey, dir.resolve("s2")))
                .hasMessageContaining("bytes after its end");
    }

    @Test
    void anotherBackupKeyOrJournalKeyIsNamedBeforeAnythingIsDecrypted() throws Exception {
        Backups.Verified backup = backupOfSmallStore();
        JournalKey journalKey = StoreConfig.sqlite(dir.resolve("live")).loadJournalKey(false);
        BackupKey other = BackupKey.parse("2e".repeat(32), "QD_BACKUP_KEY");

        assertThatThrownBy(() -> Backups.verify(backup.file(), other, journalKey, dir.resolve("s1")))
                .hasMessage(backup.file() + ": sealed with backup key " + KEY.id() + ", but the key from QD_BACKUP_KEY"
                        + " is " + other.id());
        JournalKey otherJournal = JournalKey.parse("3d".repeat(32), "test");
        assertThatThrownBy(() -> Backups.verify(backup.file(), KEY, otherJournal, dir.resolve("s2")))
                .hasMessageContaining("its journal is chained with journal key " + journalKey.id());
        assertThatThrownBy(() -> Backups.verify(dir.resolve("live").resolve(StoreConfig.SQLITE_FILE), KEY,
                journalKey, dir.resolve("s3"))).hasMessageEndingWith("not a Quantdesk backup");
    }

    @Test
    void aRestoreOverAnExistingDatabaseNeedsReplaceAndKeepsTheOldFile() throws Exception {
        Backups.Verified backup = backupOfSmallStore();
        StoreConfig live = StoreConfig.sqlite(dir.resolve("live")).withPoolSize(2);
        JournalKey journalKey = live.loadJournalKey(false);
        try (Store store = Stores.open(live)) {
            append(store, new AtomicLong(store.journal().lastSequence() + 1), 30);
        }
        long before = rows(live.sqliteFile(), "SELECT COUNT(*) FROM events");
        Backups.Verified verified = Backups.verify(backup.file(), KEY, journalKey, dir.resolve("scratch"));

        assertThatThrownBy(() -> Backups.restore(verified, live, journalKey, false, CLOCK))
                .hasMessageStartingWith(live.sqliteFile() + " exists; stop Quantdesk and pass --replace");
        assertThat(rows(live.sqliteFile(), "SELECT COUNT(*) FROM events")).isEqualTo(before);

        Optional<Path> kept = Backups.restore(verified, live, journalKey, true, CLOCK);
        assertThat(kept).contains(live.sqliteFile().resolveSibling("quantdesk.db.replaced-20261203T100000Z"));
        assertThat(rows(kept.get(), "SELECT COUNT(*) FROM events")).isEqualTo(before);
        assertThat(rows(live.sqliteFile(), "SELECT COUNT(*) FROM events")).isEqualTo(backup.manifest().events());
    }

    @Test
    void theKeyComesFromAFileReadableByItsOwnerOrTheEnvironmentAndIsNeverRepeated() throws Exception {
        Path file = dir.resolve("backup.key");
        BackupKey made = BackupKey.generate(file);

        assertThat(BackupKey.load(Optional.of(file), Optional.empty()).id()).isEqualTo(made.id());
        assertThatThrownBy(() -> BackupKey.generate(file)).hasMessageEndingWith("exists; a backup key is never "
                + "overwritten");
        assertThatThrownBy(() -> BackupKey.load(Optional.empty(), Optional.empty()))
                .hasMessageStartingWith("QD_BACKUP_KEY: not set (or pass --key-file)");
        assertThatThrownBy(() -> BackupKey.load(Optional.empty(), Optional.of("abc123")))
                .hasMessage("QD_BACKUP_KEY: the backup key must be 64 hex digits (32 bytes)");
        assertThat(made.toString()).doesNotContain(Files.readString(file).strip());
    }

    private Backups.Verified backupOfSmallStore() {
        StoreConfig config = StoreConfig.sqlite(dir.resolve("live")).withPoolSize(2);
        try (Store store = Stores.open(config)) {
            append(store, new AtomicLong(1), 60);
            return Backups.create(config, store.journalKey(), KEY, dir.resolve("backups"), CLOCK);
        }
    }

    /** Appends about {@code count} events of order flow in steps of four, waiting until they are durable. */
    private static void append(Store store, AtomicLong next, int count) {
        List<Event> events = SampleEvents.orderFlow(next.get(), count);
        for (int i = 0; i < events.size(); i += 4) {
            store.journal().appendStep(events.subList(i, Math.min(events.size(), i + 4)));
        }
        next.addAndGet(events.size());
        store.journal().durable(next.get() - 1).join();
    }

    private static long rows(Path database, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static List<String> dump(Path database, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(r.getString(i)).append('|');
                }
                out.add(row.toString());
            }
        }
        return out;
    }
}
