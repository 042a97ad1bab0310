package com.quantdesk.app;

import static com.quantdesk.app.CliRun.quantdesk;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code quantdesk preflight} on real installations on disk: a missing database, a paper process's
 * data, the same with backups asked for, a tampered journal, a shared directory and a live start.
 */
class PreflightCommandTest {

    @TempDir
    static Path dir;

    static Path config;
    static Path data;

    /** One paper run makes the installation the checks look at. */
    @BeforeAll
    static void paperRun() throws Exception {
        data = dir.resolve("data");
        config = dir.resolve("desk.yaml");
        Files.writeString(config, """
                dataDir: data
                feed: {mode: demo, interval: 1s, symbols: [RELIANCE]}
                accounts: [{id: desk, capital: 500000, risk: {maxDailyLoss: 5000, maxOpenPositions: 3}}]
                bots:
                  - {id: fast-sma, account: desk, strategy: sma-cross, params: {fast: 2, slow: 3, qty: 1},
                     symbols: [RELIANCE]}
                kite: {apiKey: preflightkey}
                """);
        CliRun run = quantdesk("paper", "--no-api", "--config", config.toString(), "--speed", "600",
                "--duration", "2s");
        assertThat(run.exitCode()).as(run.err()).isZero();
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
    }

    @AfterEach
    void processEnvironment() {
        PaperCommand.env = SecretEnvironment.process();
    }

    @Test
    void aMissingDatabaseIsANoGoAndNothingIsCreated() throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        CliRun run = quantdesk("preflight", "--no-api", "--data-dir", empty.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(QuantdeskCommand.FAILURE);
        assertThat(run.outLines()).anyMatch(l -> l.matches("FAIL +database\\.reachable +cannot open the SQLite "
                + "database: .*"));
        assertThat(run.outLines()).anyMatch(l -> l.matches(" +fix: check --data-dir: the database is "
                + java.util.regex.Pattern.quote(empty.resolve("quantdesk.db").toString()) + ", made by the first "
                + "start \\(quantdesk paper\\)"));
        assertThat(run.outLines().getLast()).matches("NO-GO: \\d+ check\\(s\\) failed \\(\\d+ pass, \\d+ warn, "
                + "\\d+ fail\\)");
        try (Stream<Path> files = Files.list(empty)) {
            assertThat(files).as("the preflight writes nothing").isEmpty();
        }
    }

    @Test
    void aPaperInstallationIsAGoWithItsWarningsAndReminders() {
        CliRun run = quantdesk("preflight", "--no-api", "--config", config.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(QuantdeskCommand.OK);
        assertThat(run.outLines()).anyMatch(l -> l.matches("PASS +database\\.migrated +the schema is current"));
        assertThat(run.outLines()).anyMatch(l -> l.matches("PASS +journal\\.chain +OK: \\d+ events, hash chain "
                + "intact .*HMAC-SHA256 chain.*"));
        assertThat(run.outLines()).anyMatch(l -> l.matches("PASS +security\\.exposure +the HTTP API is off"));
        assertThat(run.outLines()).anyMatch(l -> l.matches("WARN +backups\\.configured +no scheduled backups: .*"));
        // maxRiskPerTradeBps is the only one of the three the configuration leaves at its default.
        assertThat(run.outLines()).anyMatch(l -> l.matches("WARN +risk\\.limits\\.desk +left at the built-in "
                + "defaults: maxRiskPerTradeBps \\(200\\)"));
        assertThat(run.outLines()).anyMatch(l -> l.matches("PASS +host\\.permissions\\." + java.util.regex.Pattern
                .quote(data.toString()) + " +.* is rwx------"));
        assertThat(run.out()).contains("Also make sure of (software cannot check these):",
                "(docs/runbooks/go-live-reminders.md#on-call)", "(docs/runbooks/go-live-reminders.md#algo-approval)");
        assertThat(run.outLines().getLast()).matches("GO with \\d+ warning\\(s\\): read them before real money "
                + "\\(\\d+ pass, \\d+ warn, 0 fail\\)");
    }

    @Test
    void scheduledBackupsNeedTheirKeyABackupAndARestoreTest() throws Exception {
        Path backups = dir.resolve("backups");
        CliRun run = quantdesk("preflight", "--no-api", "--config", config.toString(), "--backup-every", "1h",
                "--restore-test-every", "24h", "--backup-to", backups.toString());

        assertThat(run.exitCode()).isEqualTo(QuantdeskCommand.FAILURE);
        assertThat(run.outLines()).anyMatch(l -> l.matches("FAIL +security\\.secrets\\.backup-key +backups are "
                + "scheduled but QD_BACKUP_KEY is not set"));
        assertThat(run.outLines()).anyMatch(l -> l.matches("PASS +backups\\.configured +a backup every 1h to .*"));
        assertThat(run.outLines()).anyMatch(l -> l.matches("WARN +backups\\.recent +no backup taken yet: .*"));
        assertThat(run.outLines()).anyMatch(l -> l.matches("WARN +backups\\.restore-test +no restore test has passed "
                + "for these backups"));

        PaperCommand.env = Map.of("QD_BACKUP_KEY", "0".repeat(64))::get;
        CliRun weak = quantdesk("preflight", "--no-api", "--config", config.toString(), "--backup-every", "1h",
                "--restore-test-every", "24h", "--backup-to", backups.toString());
        assertThat(weak.outLines()).anyMatch(l -> l.matches("FAIL +security\\.secrets\\.backup-key +QD_BACKUP_KEY has "
                + "only 1 distinct characters: it was not generated at random"));
    }

    @Test
    void aSharedDataDirectoryFails() throws Exception {
        Path shared = Files.createDirectory(dir.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        CliRun run = quantdesk("preflight", "--no-api", "--data-dir", shared.toString());

        assertThat(run.outLines()).anyMatch(l -> l.matches("FAIL +host\\.permissions\\." + java.util.regex.Pattern
                .quote(shared.toString()) + " +anyone on the machine may write to .* \\(rwxrwxrwx\\)"));
        assertThat(run.out()).contains("fix: chmod 700 " + shared);
    }

    @Test
    void aLiveStartNeedsItsLoginSecretBackupsAndAlerts() {
        PaperCommand.env = Map.of("DATA_ENCRYPTION_KEY", "ab".repeat(32))::get;
        CliRun run = quantdesk("preflight", "live", "--no-api", "--account", "desk", "--config", config.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(QuantdeskCommand.FAILURE);
        assertThat(run.out()).startsWith("Quantdesk preflight (live) at ");
        for (String line : List.of("FAIL +live\\.desk\\.session +no Kite login is stored",
                "FAIL +live\\.desk\\.algo-id +no exchange algo id is set: .*",
                "FAIL +live\\.desk\\.api-secret +KITE_API_SECRET is not set",
                "PASS +live\\.desk\\.market-protection +market protection .*",
                "FAIL +backups\\.configured +no scheduled backups: .*",
                "FAIL +alerts\\.channel +no notification channel is configured: .*")) {
            assertThat(run.outLines()).as(line).anyMatch(l -> l.matches(line));
        }
        assertThat(run.out()).contains("fix: run: quantdesk kite login --account desk");
    }

    @Test
    void aTamperedJournalIsANoGo() throws Exception {
        Path copy = Files.createDirectory(dir.resolve("tampered"));
        try (Stream<Path> files = Files.list(data)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, copy.resolve(file.getFileName()), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwx------"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy.resolve("quantdesk.db"));
             Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER events_no_update");
            assertThat(s.executeUpdate("UPDATE events SET payload = payload || ' ' "
                    + "WHERE sequence = (SELECT MIN(sequence) FROM events)")).isEqualTo(1);
        }
        CliRun run = quantdesk("preflight", "--no-api", "--config", config.toString(), "--data-dir", copy.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(QuantdeskCommand.FAILURE);
        assertThat(run.outLines()).anyMatch(l -> l.matches("FAIL +journal\\.chain +BROKEN at event \\d+: .*"));
        assertThat(run.out()).contains("fix: stop trading and restore the last good backup");
    }
}
