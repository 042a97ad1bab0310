package com.quantdesk.app;

import static com.quantdesk.app.CliRun.quantdesk;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PaperSchedulingOptionsTest {

    private static final String KEY = "3c".repeat(32);

    @TempDir
    Path dir;

    private Path config;

    @BeforeEach
    void writeConfiguration() throws Exception {
        config = dir.resolve("desk.yaml");
        Files.writeString(config, """
                dataDir: data
                feed: {mode: demo, interval: 1s, symbols: [RELIANCE], warmUp: 0s}
                accounts: [{id: desk, capital: 500000}]
                """);
        PaperCommand.env = Map.of("QD_BACKUP_KEY", KEY)::get;
    }

    @AfterEach
    void restoreEnvironment() {
        PaperCommand.env = SecretEnvironment.process();
    }

    @Test
    void scheduledBackupsStartWithTheDefaultRestoreTestPeriodAndRetention() {
        CliRun run = quantdesk("paper", "--no-api", "--config", config.toString(), "--duration", "0s",
                "--backup-every", "1h", "--backup-to", dir.resolve("backups").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.outLines()).contains("stopped; working orders stay at the venue and are restored on the next start");
    }

    @Test
    void scheduleOptionsTakeDaysHoursAndIsoDurations() {
        CliRun run = quantdesk("paper", "--no-api", "--config", config.toString(), "--duration", "PT0S",
                "--status-every", "90s", "--backup-every", "36h", "--restore-test-every", "P7D",
                "--backup-to", dir.resolve("backups").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    void aBadRestoreTestPeriodNamesTheOptionAndStartsNothing() {
        CliRun run = quantdesk("paper", "--no-api", "--config", config.toString(), "--duration", "0s",
                "--restore-test-every", "weekly");

        assertThat(run.exitCode()).isEqualTo(QuantdeskCommand.USAGE);
        assertThat(run.err()).isEqualTo("quantdesk: --restore-test-every: 'weekly' is not a duration like 500ms, 90s, "
                + "5m, 36h, 7d or PT5M\n");
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void aRestoreTestMoreOftenThanBackupsIsRefused() {
        CliRun run = quantdesk("paper", "--no-api", "--config", config.toString(), "--duration", "0s",
                "--backup-every", "2d", "--restore-test-every", "36h", "--backup-to", dir.resolve("backups").toString());

        assertThat(run.exitCode()).isEqualTo(QuantdeskCommand.USAGE);
        assertThat(run.err()).isEqualTo("quantdesk: --restore-test-every: at least --backup-every (2d), was 36h\n");
    }

    @Test
    void aScheduleOptionMayComeFromItsQuantdeskVariable() {
        PaperCommand.env = Map.of("QD_BACKUP_KEY", KEY, "QD_RESTORE_TEST_EVERY", "fortnightly")::get;

        CliRun run = quantdesk("paper", "--no-api", "--config", config.toString(), "--duration", "0s");

        assertThat(run.exitCode()).isEqualTo(QuantdeskCommand.USAGE);
        assertThat(run.err()).isEqualTo("quantdesk: --restore-test-every: 'fortnightly' is not a duration like 500ms, "
                + "90s, 5m, 36h, 7d or PT5M\n");
    }
}
