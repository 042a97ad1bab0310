package com.quantdesk.app;

import com.quantdesk.store.StoreConfig;
import com.quantdesk.store.Stores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static com.quantdesk.app.CliRun.quantdesk;
import static org.assertj.core.api.Assertions.assertThat;

class PaperCommandTest {

    @TempDir
    Path dir;

    @Test
    void runsTheConfiguredBotsPrintsWhereDataLivesAndStopsAfterTheDuration() throws Exception {
        Path config = dir.resolve("desk.yaml");
        Files.writeString(config, """
                dataDir: data
                feed: {mode: demo, interval: 1s, symbols: [RELIANCE]}
                accounts: [{id: desk, capital: 500000}]
                bots:
                  - {id: fast-sma, account: desk, strategy: sma-cross, params: {fast: 2, slow: 3, qty: 1},
                     symbols: [RELIANCE]}
                  - {id: idle, account: desk, strategy: sma-cross, symbols: [RELIANCE], state: stopped}
                """);
        CliRun run = quantdesk("paper", "--port", "0", "--config", config.toString(), "--speed", "600",
                "--duration", "3s",
                "--status-every", "1s");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.outLines()).contains("Quantdesk paper trading (demo market, open at any hour)",
                "  data:     " + dir.resolve("data/quantdesk.db").toAbsolutePath() + " (SQLite)",
                "  bot:      fast-sma sma-cross [RELIANCE] running",
                "  bot:      idle sma-cross [RELIANCE] stopped",
                "Press Ctrl-C to stop.",
                "stopped; working orders stay at the venue and are restored on the next start");
        assertThat(run.outLines()).anyMatch(l -> l.contains("  journal:  0 events recovered (hash chain verified);"));
        assertThat(run.outLines()).anyMatch(l -> l.matches(
                "  warm-up:  bots primed with \\d+ bars of the last 1h \\(no orders on them\\)"));
        assertThat(run.outLines()).anyMatch(l -> l.matches(".* IST  events \\d+  db ok  feed primary \\d+ ticks.*"
                + "desk equity ₹.*fast-sma running \\d+ fills P&L ₹.*idle stopped 0 fills P&L ₹0.00"));
        assertThat(Files.isRegularFile(dir.resolve("data/quantdesk.db"))).isTrue();
        // The API listens on loopback; the first start creates the administrator and shows the password once.
        assertThat(run.outLines()).anyMatch(l -> l.matches("  api:      http://127\\.0\\.0\\.1:\\d+/api/v1  \\(API page "
                + "http://127\\.0\\.0\\.1:\\d+/api/docs\\)"));
        assertThat(run.outLines()).anyMatch(l -> l.matches("  admin:    first start: user 'admin', password \\S{20,} "
                + " \\(shown once; sign in, change it and enrol TOTP\\)"));
        String password = run.outLines().stream().filter(l -> l.startsWith("  admin:")).findFirst().orElseThrow()
                .replaceAll(".*password (\\S+) .*", "$1");
        assertThat(Files.readString(dir.resolve("data/quantdesk.db"), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(password);

        CliRun again = quantdesk("paper", "--port", "0", "--config", config.toString(), "--speed", "600",
                "--duration", "1s");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.outLines()).noneMatch(l -> l.contains("  journal:  0 events recovered (hash chain verified);"));
        assertThat(again.outLines()).noneMatch(l -> l.startsWith("  admin:"));
        assertThat(quantdesk("journal", "verify", "--data-dir", dir.resolve("data").toString()).out())
                .startsWith("OK: ");
    }

    @Test
    void aBadConfigurationNamesTheFileAndFieldAndStartsNothing() throws Exception {
        Path config = dir.resolve("bad.yaml");
        Files.writeString(config, """
                dataDir: data
                accounts: [{id: desk, capital: 500000}]
                bots: [{id: b, account: nobody, strategy: sma-cross, symbols: [RELIANCE]}]
                """);
        CliRun run = quantdesk("paper", "--port", "0", "--config", config.toString(), "--duration", "1s");

        assertThat(run.exitCode()).isEqualTo(QuantdeskCommand.USAGE);
        assertThat(run.err()).isEqualTo("quantdesk: " + config + ": bots.b.account: no account nobody\n");
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void refusesToStartOnAJournalWhoseChainIsBrokenAndSaysWhatToRun() throws Exception {
        Path config = dir.resolve("quantdesk.yaml");
        Files.writeString(config, """
                dataDir: data
                feed: {mode: demo, interval: 1s, seed: 3, symbols: [RELIANCE], warmUp: 0s}
                accounts: [{id: desk, capital: 500000}]
                bots: [{id: b, account: desk, strategy: sma-cross, params: {fast: 2, slow: 3}, symbols: [RELIANCE]}]
                """);
        CliRun first = quantdesk("paper", "--port", "0", "--config", config.toString(), "--speed", "600",
                "--duration", "1s");
        assertThat(first.exitCode()).as(first.err()).isZero();
        // Someone with database access rewrites the opening cash of the account.
        try (var dataSource = Stores.dataSource(StoreConfig.sqlite(dir.resolve("data")));
             Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER events_no_update");
            assertThat(s.executeUpdate("UPDATE events SET payload = '{\"initialCash\":99900000000}' "
                    + "WHERE type = 'AccountOpened'")).isOne();
        }

        CliRun again = quantdesk("paper", "--port", "0", "--config", config.toString(), "--speed", "600",
                "--duration", "1s");

        assertThat(again.exitCode()).isEqualTo(QuantdeskCommand.FAILURE);
        assertThat(again.err()).startsWith("quantdesk: the journal's hash chain is broken at event 1: its content "
                + "does not match its MAC").contains("run 'quantdesk journal verify'").doesNotContain("Exception");
        assertThat(again.out()).doesNotContain("Press Ctrl-C");
        CliRun verify = quantdesk("journal", "verify", "--data-dir", dir.resolve("data").toString());
        assertThat(verify.exitCode()).isEqualTo(QuantdeskCommand.FAILURE);
        assertThat(verify.out()).startsWith("BROKEN at event 1: row content does not match its hash (modified)");
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertThat(quantdesk("paper", "--speed", "0.5").err())
                .isEqualTo("quantdesk: --speed: must be a number of at least 1, was 0.5\n");
        assertThat(quantdesk("paper", "--duration", "soon").err())
                .isEqualTo("quantdesk: --duration: 'soon' is not a duration like 500ms, 90s, 5m, 36h, 7d or PT5M\n");
        assertThat(quantdesk("paper", "--config", dir.resolve("missing.yaml").toString()).err())
                .isEqualTo("quantdesk: --config: no file " + dir.resolve("missing.yaml") + "\n");
        assertThat(quantdesk("paper", "--db", "mysql://x").exitCode()).isEqualTo(QuantdeskCommand.USAGE);
        assertThat(quantdesk("paper", "--bind", "0.0.0.0").err()).startsWith("quantdesk: --bind: listening on 0.0.0.0 "
                + "would expose the API in clear text beyond this machine");
        assertThat(quantdesk("paper", "--port", "70000").err()).startsWith("quantdesk: --port: must be 0 to 65535");
        assertThat(quantdesk("paper", "--cors-origin", "*").err()).startsWith("quantdesk: --cors-origin: '*' is not "
                + "an origin");
        assertThat(quantdesk("paper", "--rate-limit", "burst=5/min").err()).isEqualTo("quantdesk: --rate-limit: no "
                + "rate limit 'burst'; the limits are perIp, perUser, perAdmin, login, failedLogin and orders\n");
        assertThat(quantdesk("paper", "--rate-limit", "perIp=lots").err()).startsWith("quantdesk: --rate-limit: "
                + "rate limit 'perIp': cannot read 'lots'");
        assertThat(quantdesk("paper", "--rate-limit", "perIp").err()).isEqualTo("quantdesk: --rate-limit: 'perIp' "
                + "is not like perIp=1000/min\n");
        assertThat(quantdesk("paper", "--db-pool", "1").err())
                .isEqualTo("quantdesk: --db-pool: must be at least 2 (the journal writer holds one), was 1\n");
    }
}
