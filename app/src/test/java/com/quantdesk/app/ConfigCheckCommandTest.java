package com.quantdesk.app;

import static com.quantdesk.app.CliRun.quantdesk;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCheckCommandTest {

    private static final String BACKUP_KEY = "4f".repeat(32);

    @TempDir
    Path dir;

    private final Map<String, String> environment = new HashMap<>();
    private Path config;

    @BeforeEach
    void useTheTestsEnvironment() throws Exception {
        PaperCommand.env = new SecretEnvironment(environment::get);
        PaperCommand.variableNames = environment::keySet;
        config = dir.resolve("desk.yaml");
        Files.writeString(config, """
                dataDir: data
                database: postgresql://desk:hunter22@db.internal:5432/desk
                feed: {mode: demo, interval: 1s, symbols: [RELIANCE, INFY]}
                venue: {slippageBps: 5}
                accounts: [{id: desk, capital: 500000}]
                bots: [{id: sma, account: desk, strategy: sma-cross, symbols: [RELIANCE]}]
                kite: {apiKey: abc123}
                """);
    }

    @AfterEach
    void restoreEnvironment() {
        PaperCommand.env = SecretEnvironment.process();
        PaperCommand.variableNames = () -> System.getenv().keySet();
    }

    @Test
    void printsEverySettingWithItsSourceAndMasksSecrets() {
        environment.put("QD_PORT", "9090");
        environment.put("QD_BACKUP_KEY", BACKUP_KEY);
        environment.put("KITE_API_SECRET", "kite-secret-value");

        CliRun run = quantdesk("config", "check", "--config", config.toString(), "--bind", "127.0.0.1",
                "--backup-every", "1h", "--backup-to", dir.resolve("backups").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.outLines()).contains(
                "config = " + config + "  (flag --config)",
                "dataDir = " + dir.resolve("data") + "  (file " + config + ")",
                "database = ****  (file " + config + ")",
                "dbPool = 8  (default)",
                "api.port = 9090  (env QD_PORT)",
                "api.bind = 127.0.0.1  (flag --bind)",
                "api.adminPassword = (not set)  (default)",
                "backup.every = 1h  (flag --backup-every)",
                "backup.restoreTestEvery = 7d  (default)",
                "backup.key = ****  (env QD_BACKUP_KEY)",
                "feed.interval = 1s  (file " + config + ")",
                "feed.warmUp = 1h  (default)",
                "feed.symbols = RELIANCE, INFY  (file " + config + ")",
                "venue.slippageBps = 5  (file " + config + ")",
                "accounts = desk  (file " + config + ")",
                "bots = sma  (file " + config + ")",
                "kite.apiKey = abc123  (file " + config + ")",
                "kite.apiSecret = ****  (env KITE_API_SECRET)");
        assertThat(run.outLines()).hasSize(com.quantdesk.app.config.QuantdeskSettings.ALL.size() + 1)
                .last().isEqualTo("OK: the configuration is valid");
        assertThat(run.out()).doesNotContain("hunter22", "4f4f", "kite-secret", "desk@");
    }

    @Test
    void aFlagWinsOverTheEnvironmentWhichWinsOverTheFile() {
        environment.put("QD_DATA_DIR", dir.resolve("from-env").toString());
        environment.put("QD_PORT", "9090");
        environment.put("KITE_API_KEY", "env-key");

        CliRun run = quantdesk("config", "check", "--config", config.toString(), "--port", "7070");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.outLines()).contains("api.port = 7070  (flag --port)",
                "dataDir = " + dir.resolve("from-env") + "  (env QD_DATA_DIR)",
                "kite.apiKey = env-key  (env KITE_API_KEY)");
    }

    @Test
    void aSecretFromAFileIsMaskedAndNamesItsFileVariable() throws Exception {
        Path password = dir.resolve("admin-password");
        Files.writeString(password, "a long admin password\n");
        Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-------"));
        environment.put("QD_ADMIN_PASSWORD_FILE", password.toString());

        CliRun run = quantdesk("config", "check", "--config", config.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.outLines()).contains("api.adminPassword = ****  (env QD_ADMIN_PASSWORD_FILE)");
        assertThat(run.out()).doesNotContain("admin password");
    }

    @Test
    void anUnknownKeyInTheFileIsAUsageErrorThatSuggestsTheKnownOne() throws Exception {
        Files.writeString(config, """
                dataDir: data
                acounts: [{id: desk}]
                """);

        CliRun run = quantdesk("config", "check", "--config", config.toString());

        assertThat(run.exitCode()).isEqualTo(QuantdeskCommand.USAGE);
        assertThat(run.err()).isEqualTo("quantdesk: " + config + ": acounts: unknown key; did you mean 'accounts'? "
                + "(known: accounts, bots, dataDir, database, feed, kite, venue)\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void anUnknownKeyInASectionIsSuggestedToo() throws Exception {
        Files.writeString(config, """
                accounts: [{id: desk}]
                feed: {intervall: 1s}
                """);
        CliRun feed = quantdesk("config", "check", "--config", config.toString());
        assertThat(feed.err()).startsWith("quantdesk: " + config + ": feed.intervall: unknown key; did you mean "
                + "'interval'?");

        Files.writeString(config, """
                accounts: [{id: desk}]
                kite: {apiKye: abc}
                """);
        CliRun kite = quantdesk("config", "check", "--config", config.toString());
        assertThat(kite.exitCode()).isEqualTo(QuantdeskCommand.USAGE);
        assertThat(kite.err()).startsWith("quantdesk: " + config + ": kite.apiKye: unknown key; did you mean 'apiKey'?");
    }

    @Test
    void anUnknownQuantdeskVariableIsReportedWithTheNearestKnownOneButDoesNotFailTheCheck() {
        environment.put("QD_BAKUP_KEY", BACKUP_KEY);
        environment.put("QD_SOMETHING_ELSE", "x");
        environment.put("QD_LOG_LEVEL", "INFO");
        environment.put("HOME", "/home/desk");

        CliRun run = quantdesk("config", "check", "--config", config.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.errLines()).containsExactly(
                "quantdesk: warning: QD_BAKUP_KEY: not a Quantdesk variable, ignored; did you mean 'QD_BACKUP_KEY'?",
                "quantdesk: warning: QD_SOMETHING_ELSE: not a Quantdesk variable, ignored");
        assertThat(run.err()).doesNotContain(BACKUP_KEY);
    }

    @Test
    void invalidOptionsAndSecretsAreUsageErrorsNamingTheField() throws Exception {
        assertThat(quantdesk("config", "check", "--config", config.toString(), "--restore-test-every", "weekly").err())
                .isEqualTo("quantdesk: --restore-test-every: 'weekly' is not a duration like 500ms, 90s, 5m, 36h, 7d "
                        + "or PT5M\n");
        assertThat(quantdesk("config", "check", "--config", config.toString(), "--db-pool", "1").err())
                .isEqualTo("quantdesk: --db-pool: must be at least 2 (the journal writer holds one), was 1\n");
        assertThat(quantdesk("config", "check", "--config", config.toString(), "--backup-every", "1h").err())
                .isEqualTo("quantdesk: --backup-to: where scheduled backups go (another disk than the data directory)\n");
        environment.put("QD_JWT_KEY", "x");
        environment.put("QD_JWT_KEY_FILE", dir.resolve("jwt").toString());
        CliRun both = quantdesk("config", "check", "--config", config.toString());
        assertThat(both.exitCode()).isEqualTo(QuantdeskCommand.USAGE);
        assertThat(both.err()).isEqualTo("quantdesk: QD_JWT_KEY and QD_JWT_KEY_FILE are both set; set one of them\n");
        environment.clear();
        environment.put("QD_PORT", "70000");
        CliRun port = quantdesk("config", "check", "--config", config.toString());
        assertThat(port.exitCode()).isEqualTo(QuantdeskCommand.USAGE);
        assertThat(port.err()).startsWith("quantdesk: --port: must be 0 to 65535");
    }

    @Test
    void aBrokenFileNamesTheLine() throws Exception {
        Files.writeString(config, "accounts:\n  - {id: desk\n");

        CliRun run = quantdesk("config", "check", "--config", config.toString());

        assertThat(run.exitCode()).isEqualTo(QuantdeskCommand.USAGE);
        assertThat(run.err()).startsWith("quantdesk: " + config + ", line ");
    }

    @Test
    void writesNothing() throws Exception {
        environment.put("QD_BACKUP_KEY", BACKUP_KEY);

        CliRun run = quantdesk("config", "check", "--config", config.toString(), "--backup-every", "1h",
                "--backup-to", dir.resolve("backups").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(config);
        }
    }
}
