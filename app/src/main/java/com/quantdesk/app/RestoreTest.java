package com.quantdesk.app;

import com.quantdesk.store.StoreConfig;
import com.quantdesk.store.backup.BackupKey;
import com.quantdesk.store.backup.BackupManifest;
import com.quantdesk.store.backup.Backups;
import com.quantdesk.store.journal.JournalKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.SortedMap;
import org.sqlite.SQLiteDataSource;

/**
 * A restore test of one backup: everything a restore checks (key, segments, checksum, chain), the
 * database restored into scratch space (a scratch PostgreSQL database, or a scratch SQLite file) and
 * its journal verified and replayed; nothing of the live store is touched. A passed test is recorded
 * beside the backup ({@value #MARKER}), which the schedule and {@code preflight} read.
 */
final class RestoreTest {

    /** The file in a backup directory that records the last passed restore test. */
    static final String MARKER = ".last-restore-test";

    private RestoreTest() {
    }

    /**
     * Tests {@code file}; throws {@link com.quantdesk.store.backup.BackupException} or
     * {@link UsageException} with the reason when it fails.
     *
     * @param config the store the backup belongs to (a PostgreSQL backup is tested on its server)
     * @return what was verified, in one line
     */
    static String run(Path file, BackupKey backupKey, JournalKey journalKey, StoreConfig config) throws IOException {
        Path scratch = Files.createTempDirectory("quantdesk-verify-");
        Backups.Verified verified = Backups.verify(file, backupKey, journalKey, scratch);
        try {
            BackupManifest m = verified.manifest();
            String summary;
            if (m.dialect().equals("postgresql")) {
                if (config.database().isEmpty()) {
                    throw new UsageException("--db: a PostgreSQL backup is verified on a PostgreSQL server");
                }
                Backups.verifyInScratch(verified, config.database().get(), journalKey);
                summary = file + ": " + m.events() + " events up to sequence " + m.lastSequence()
                        + ", chain intact (restored into a scratch database and dropped)";
            } else {
                SQLiteDataSource data = new SQLiteDataSource();
                data.setUrl("jdbc:sqlite:" + verified.payload().toAbsolutePath());
                SortedMap<String, String> state = JournalCommand.State.replay(data, journalKey, null);
                summary = file + ": " + m.events() + " events up to sequence " + m.lastSequence()
                        + ", chain intact, taken " + m.created() + "; a replay rebuilds " + state.size()
                        + " facts of state";
            }
            record(file, Instant.now());
            return summary;
        } finally {
            Files.deleteIfExists(verified.payload());
            Files.deleteIfExists(scratch);
        }
    }

    /** Records a passed test of {@code file} in its directory; a directory that cannot be written is left. */
    static void record(Path file, Instant at) {
        Path dir = file.toAbsolutePath().getParent();
        try {
            Path temp = Files.createTempFile(dir, MARKER, ".tmp");
            Files.writeString(temp, at + " " + file.getFileName() + "\n", StandardCharsets.UTF_8);
            Files.move(temp, dir.resolve(MARKER), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // A read-only copy of a backup can still be tested; there is just no record of it.
        }
    }

    /** When a restore test last passed for a backup in {@code directory}, if one is recorded. */
    static Optional<Instant> last(Path directory) {
        Path marker = directory.resolve(MARKER);
        try {
            String text = Files.readString(marker, StandardCharsets.UTF_8).strip();
            int space = text.indexOf(' ');
            return Optional.of(Instant.parse(space < 0 ? text : text.substring(0, space)));
        } catch (IOException | DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
