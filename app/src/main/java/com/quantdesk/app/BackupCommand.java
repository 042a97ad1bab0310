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
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code quantdesk backup}: an encrypted, verifiable backup of the journal and every table, taken while trading runs. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Back up the database (SQLite online backup, or pg_dump in one snapshot) into one file sealed "
                + "with AES-256-GCM under $QD_BACKUP_KEY or --key-file, with a manifest: time, the journal's last "
                + "sequence and chain head, checksums.",
                "Safe while paper or live trading runs. Restore with 'quantdesk restore FILE'."},
        subcommands = {BackupCommand.Verify.class, BackupCommand.Key.class})
final class BackupCommand implements Callable<Integer> {

    /** Where the environment is read from; tests replace it. */
    static Function<String, String> env = SecretEnvironment.process();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    JournalCommand.Location location;

    @CommandLine.Mixin
    KeyOption key;

    @Option(names = "--to", paramLabel = "DIR", defaultValue = "backups",
            description = "Directory the backup file is written to. Default: ${DEFAULT-VALUE}.")
    Path to;

    @Override
    public Integer call() {
        StoreConfig config = location.config();
        BackupKey backupKey = key.load();
        JournalKey journalKey = journalKey(config);
        Backups.Verified made = Backups.create(config, journalKey, backupKey, to, InstantSource.system());
        PrintWriter out = spec.commandLine().getOut();
        BackupManifest m = made.manifest();
        out.println(made.file());
        out.println("  " + m.dialect() + ", " + m.events() + " events up to sequence " + m.lastSequence()
                + " (chain head " + m.chainHead() + "), " + m.payloadBytes() + " bytes, sealed with backup key "
                + m.backupKeyId());
        out.flush();
        return QuantdeskCommand.OK;
    }

    /** The journal key of the installation: $QD_JOURNAL_KEY, else the data directory's journal.key. */
    static JournalKey journalKey(StoreConfig config) {
        try {
            return config.loadJournalKey(false);
        } catch (RuntimeException e) {
            throw new UsageException("the journal key: " + e.getMessage(), e);
        }
    }

    /** {@code --key-file} or $QD_BACKUP_KEY. */
    static final class KeyOption {

        @Option(names = "--key-file", paramLabel = "FILE",
                description = "The backup key (64 hex digits, readable by the owner only); default $QD_BACKUP_KEY.")
        Path keyFile;

        BackupKey load() {
            try {
                return BackupKey.load(Optional.ofNullable(keyFile), Optional.ofNullable(env.apply(BackupKey.ENV)));
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage(), e);
            }
        }
    }

    /** {@code quantdesk backup verify FILE}: everything a restore would check, then a replay, writing nothing. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Check a backup without restoring it: the key, the seal (any changed byte fails it), the "
                    + "checksum, the journal's hash chain and where it ends, then replay it into a fresh engine.",
                    "A PostgreSQL backup is restored into a scratch database on --db's server and dropped after.",
                    "Exit code 0 when the backup is good, 1 when it is not."})
    static final class Verify implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The backup file.")
        Path file;

        @CommandLine.Mixin
        KeyOption key;

        @CommandLine.Mixin
        JournalCommand.Location location;

        @Override
        public Integer call() throws IOException {
            if (!Files.isRegularFile(file)) {
                throw new UsageException("no backup file " + file);
            }
            StoreConfig config = location.resolve();
            BackupKey backupKey = key.load();
            JournalKey journalKey = journalKey(config);
            PrintWriter out = spec.commandLine().getOut();
            out.println("OK: " + RestoreTest.run(file, backupKey, journalKey, config));
            out.flush();
            return QuantdeskCommand.OK;
        }
    }

    /** {@code quantdesk backup key FILE}: a new random backup key, readable by the owner only. */
    @Command(name = "key", mixinStandardHelpOptions = true,
            description = {"Write a new random backup key (64 hex digits) to FILE, readable by the owner only; an "
                    + "existing file is never overwritten. Keep it away from the backups: without it they cannot "
                    + "be read."})
    static final class Key implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "Where to write the key.")
        Path file;

        @Override
        public Integer call() throws IOException {
            BackupKey made;
            try {
                made = BackupKey.generate(file);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage(), e);
            }
            spec.commandLine().getOut().println("backup key " + made.id() + " written to " + file);
            return QuantdeskCommand.OK;
        }
    }
}
