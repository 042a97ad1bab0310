package com.quantdesk.app;

import com.quantdesk.store.StoreConfig;
import com.quantdesk.store.backup.BackupKey;
import com.quantdesk.store.backup.BackupManifest;
import com.quantdesk.store.backup.Backups;
import com.quantdesk.store.journal.JournalKey;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code quantdesk restore FILE}: a backup back into the data directory or database, verified first. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Restore a backup made by 'quantdesk backup'. Everything is checked before anything is "
                + "written: the key, the seal, the checksum, and the journal's hash chain and where it ends (a "
                + "PostgreSQL backup is first restored into a scratch database and verified there).",
                "Stop Quantdesk first. An existing database is replaced only with --replace (SQLite: the old file "
                        + "is kept beside it). The next start replays the journal and, live, reconciles with the "
                        + "broker."})
final class RestoreCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The backup file.")
    Path file;

    @CommandLine.Mixin
    BackupCommand.KeyOption key;

    @CommandLine.Mixin
    JournalCommand.Location location;

    @Option(names = "--replace", description = "Replace an existing database.")
    boolean replace;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new UsageException("no backup file " + file);
        }
        StoreConfig config = location.resolve();
        BackupKey backupKey = key.load();
        JournalKey journalKey = BackupCommand.journalKey(config);
        Path dataDir = config.dataDirectory();
        Files.createDirectories(dataDir);
        Path scratch = Files.createTempDirectory(dataDir.toAbsolutePath(), ".restore-");
        try {
            Backups.Verified verified = Backups.verify(file, backupKey, journalKey, scratch);
            try {
                Optional<Path> kept = Backups.restore(verified, config, journalKey, replace, InstantSource.system());
                BackupManifest m = verified.manifest();
                PrintWriter out = spec.commandLine().getOut();
                out.println("restored " + file + " into " + (config.database().isPresent() ? config.database().get()
                        : config.sqliteFile()) + ": " + m.events() + " events up to sequence " + m.lastSequence()
                        + " (taken " + m.created() + ")");
                kept.ifPresent(previous -> out.println("  the database it replaced is kept as " + previous));
                out.println("  start Quantdesk: it replays the journal (and, live, reconciles with the broker)");
                out.flush();
                return QuantdeskCommand.OK;
            } finally {
                Files.deleteIfExists(verified.payload());
            }
        } finally {
            Files.deleteIfExists(scratch);
        }
    }
}
