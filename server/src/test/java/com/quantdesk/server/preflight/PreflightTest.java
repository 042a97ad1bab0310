package com.quantdesk.server.preflight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.risk.RiskLimits;
import com.quantdesk.server.ServerConfig;
import com.quantdesk.server.db.TestStores;
import com.quantdesk.server.http.AddressRange;
import com.quantdesk.server.redis.TestRedis;
import com.quantdesk.store.Dialect;
import com.quantdesk.store.Store;
import com.quantdesk.store.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sqlite.SQLiteDataSource;

/** Each preflight check on real stores, files and Redis, with the clock fixed. */
class PreflightTest {

    static final Instant NOW = Instant.parse("2026-12-04T09:00:00Z");
    static final AccountId ACC = AccountId.of("acc");

    @TempDir
    Path dir;

    final TestStores stores = new TestStores();

    @AfterEach
    void close() {
        stores.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.quantdesk.server.db.TestStores#databases")
    void aFreshStorePassesItsChecksAndAlertsAreRequiredOnlyForLive(String name,
                                                                   Function<Path, TestDatabase> database) {
        Store store = stores.open(database, dir);
        Map<String, Finding> paper = byId(run(setup("paper", store.dataSource(), store.dialect(), Map.of())));
        assertThat(paper.get("database.reachable").verdict()).isEqualTo(Verdict.PASS);
        assertThat(paper.get("database.reachable").reason()).isEqualTo("the " + name + " database answers");
        assertThat(paper.get("database.migrated").verdict()).isEqualTo(Verdict.PASS);
        assertThat(paper.get("journal.chain").reason()).isEqualTo("the journal is empty");
        assertThat(paper.get("alerts.channel").verdict()).isEqualTo(Verdict.WARN);
        assertThat(paper.get("alerts.test-delivered").verdict()).isEqualTo(Verdict.WARN);
        assertThat(paper.get("risk.kill-switch").verdict()).isEqualTo(Verdict.WARN);
        assertThat(paper.get("backups.configured").verdict()).isEqualTo(Verdict.WARN);

        Map<String, Finding> live = byId(run(setup("live", store.dataSource(), store.dialect(), Map.of())));
        assertThat(live.get("alerts.channel").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(live.get("alerts.test-delivered").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(live.get("backups.configured").verdict()).isEqualTo(Verdict.FAIL);
        // A drill is advice in either mode.
        assertThat(live.get("risk.kill-switch").verdict()).isEqualTo(Verdict.WARN);
    }

    @Test
    void anUnmigratedDatabaseListsWhatIsPendingAndSkipsTheTableChecks() {
        SQLiteDataSource empty = new SQLiteDataSource();
        empty.setUrl("jdbc:sqlite:" + dir.resolve("empty.db"));
        PreflightReport report = run(setup("paper", empty, Dialect.SQLITE, Map.of()));
        Map<String, Finding> findings = byId(report);

        assertThat(findings.get("database.migrated").verdict()).isEqualTo(Verdict.WARN);
        assertThat(findings.get("database.migrated").reason()).contains("V1 journal and projections",
                "V8 alert history");
        for (String id : List.of("journal.chain", "alerts.channel", "alerts.test-delivered", "risk.kill-switch")) {
            assertThat(findings.get(id).reason()).as(id).isEqualTo("not checked: the schema is not current");
        }
    }

    @Test
    void backupsMustBeWithinTheirObjectiveAndRestoreTested() throws Exception {
        Path backups = Files.createDirectory(dir.resolve("backups"));
        Files.writeString(backups.resolve(name(NOW.minus(Duration.ofHours(3)))), "sealed");
        PreflightSetup.BackupPlan hourly = new PreflightSetup.BackupPlan(Optional.of(backups), Duration.ofHours(1),
                Duration.ofDays(7), Optional.of(NOW.minus(Duration.ofDays(11))));

        Map<String, Finding> paper = byId(run(withBackups("paper", hourly)));
        assertThat(paper.get("backups.configured").reason()).isEqualTo("a backup every 1h to " + backups
                + " (the recovery point objective)");
        assertThat(paper.get("backups.recent").verdict()).isEqualTo(Verdict.WARN);
        assertThat(paper.get("backups.recent").reason()).isEqualTo("the newest backup was taken at "
                + NOW.minus(Duration.ofHours(3)) + ", older than the 1h objective");
        assertThat(paper.get("backups.restore-test").verdict()).isEqualTo(Verdict.WARN);
        Map<String, Finding> live = byId(run(withBackups("live", hourly)));
        assertThat(live.get("backups.recent").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(live.get("backups.restore-test").verdict()).isEqualTo(Verdict.FAIL);

        // Within 1.5 periods counts as on time: a backup may run a little late.
        Files.writeString(backups.resolve(name(NOW.minus(Duration.ofMinutes(89)))), "sealed");
        PreflightSetup.BackupPlan tested = new PreflightSetup.BackupPlan(Optional.of(backups), Duration.ofHours(1),
                Duration.ofDays(7), Optional.of(NOW.minus(Duration.ofDays(6))));
        Map<String, Finding> fresh = byId(run(withBackups("live", tested)));
        assertThat(fresh.get("backups.recent").verdict()).isEqualTo(Verdict.PASS);
        assertThat(fresh.get("backups.restore-test").verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void liveAccountsNeedAValidSessionAnAlgoIdAndTheSecret() {
        List<PreflightSetup.LiveAccount> accounts = List.of(
                new PreflightSetup.LiveAccount(AccountId.of("expired"), Optional.of(NOW.minusSeconds(1)),
                        Optional.empty(), -1, Optional.of("ALGO1"), true),
                new PreflightSetup.LiveAccount(AccountId.of("ready"), Optional.of(NOW.plus(Duration.ofHours(20))),
                        Optional.empty(), 5, Optional.of("ALGO1"), true),
                new PreflightSetup.LiveAccount(AccountId.of("unreadable"), Optional.empty(),
                        Optional.of("the stored Kite login cannot be read: DATA_ENCRYPTION_KEY is not set"), -1,
                        Optional.empty(), false));
        PreflightSetup base = setup("live", sqlite(), Dialect.SQLITE, Map.of());
        PreflightSetup setup = new PreflightSetup("live", base.server(), dir, base.dataSource(), base.dialect(),
                Optional.empty(), Map.of(), new PreflightSetup.Facts(Map.of(), PreflightSetup.BackupPlan.NONE,
                accounts, List.of()));
        Map<String, Finding> f = byId(run(setup));

        assertThat(f.get("live.expired.session").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(f.get("live.expired.session").reason()).isEqualTo("the Kite session expired at "
                + NOW.minusSeconds(1));
        assertThat(f.get("live.expired.market-protection").reason()).isEqualTo("market protection automatic");
        assertThat(f.get("live.ready.session").verdict()).isEqualTo(Verdict.PASS);
        assertThat(f.get("live.ready.market-protection").reason()).isEqualTo("market protection 5 %");
        assertThat(f.get("live.ready.algo-id").verdict()).isEqualTo(Verdict.PASS);
        assertThat(f.get("live.unreadable.session").reason())
                .isEqualTo("the stored Kite login cannot be read: DATA_ENCRYPTION_KEY is not set");
        assertThat(f.get("live.unreadable.algo-id").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(f.get("live.unreadable.api-secret").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(f.get("risk.limits").verdict()).isEqualTo(Verdict.WARN);
    }

    @Test
    void secretsMustBeStrongAndPrivate() throws Exception {
        String generated = HexFormat.of().formatHex(new SecureRandom().generateSeed(32));
        Map<String, Finding> weak = byId(run(setup("paper", sqlite(), Dialect.SQLITE, Map.of(
                "QD_SERVER_KEY", "0".repeat(64), "QD_ADMIN_PASSWORD", "password123",
                "QD_JOURNAL_KEY", "changeme".repeat(5) + "abc="))));
        assertThat(weak.get("security.secrets.server-key").reason())
                .isEqualTo("QD_SERVER_KEY has only 1 distinct characters: it was not generated at random");
        assertThat(weak.get("security.secrets.admin-password").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(weak.get("security.secrets.journal-key").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(weak.get("security.secrets.journal-key").reason()).contains("'change'");

        Map<String, Finding> strong = byId(run(setup("paper", sqlite(), Dialect.SQLITE, Map.of(
                "QD_SERVER_KEY", generated, "QD_ADMIN_PASSWORD", "Amber-Quarry-Violin-5521"))));
        assertThat(strong.get("security.secrets.server-key").verdict()).isEqualTo(Verdict.PASS);
        assertThat(strong.get("security.secrets.admin-password").verdict()).isEqualTo(Verdict.PASS);
        // Nothing was in the data directory and nothing was written to it.
        assertThat(strong.get("security.secrets.jwt-key").reason()).startsWith("no jwt-signing-key.json yet");
        assertThat(Files.exists(dir.resolve("jwt-signing-key.json"))).isFalse();

        Path keyFile = dir.resolve("journal.key");
        Files.writeString(keyFile, generated + "\n");
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r--r--"));
        Finding shared = byId(run(setup("paper", sqlite(), Dialect.SQLITE, Map.of())))
                .get("security.secrets.journal-key");
        assertThat(shared.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(shared.reason()).contains(keyFile.toString(), "rw-r--r--");
        assertThat(shared.fix()).startsWith("chmod 600 " + keyFile);
    }

    @Test
    void generatedKeysAreNeverCalledWeak() {
        qt().withExamples(2_000).forAll(integers().all()).checkAssert(seed -> {
            byte[] key = new byte[32];
            new Random(seed).nextBytes(key);
            assertThat(SecurityChecks.weak(HexFormat.of().formatHex(key))).as("seed %d", seed).isEmpty();
            assertThat(SecurityChecks.weak(java.util.Base64.getEncoder().encodeToString(key)))
                    .as("seed %d", seed).isEmpty();
        });
    }

    @Test
    void exposureCorsAndRedis() {
        String redisUrl = TestRedis.url();
        ServerConfig proxied = ServerConfig.defaults(dir).withTrustedProxies(List.of(AddressRange.parse("10.0.0.0/8")))
                .withAddress("0.0.0.0", 8080).withCorsOrigins(List.of("http://desk.internal.example"))
                .withRedis(redisUrl);
        PreflightSetup base = setup("paper", sqlite(), Dialect.SQLITE, Map.of());
        Map<String, Finding> f = byId(run(new PreflightSetup("paper", Optional.of(proxied), dir, base.dataSource(),
                base.dialect(), Optional.empty(), Map.of(), base.facts())));
        assertThat(f.get("security.exposure").verdict()).isEqualTo(Verdict.PASS);
        assertThat(f.get("security.exposure").reason()).contains("behind trusted proxies");
        assertThat(f.get("security.cors").verdict()).isEqualTo(Verdict.WARN);
        boolean passwordless = !java.net.URI.create(redisUrl).toString().contains("@");
        assertThat(f.get("redis").verdict()).as(f.get("redis").toString())
                .isEqualTo(passwordless ? Verdict.WARN : Verdict.PASS);

        ServerConfig unreachable = ServerConfig.defaults(dir).withRedis("redis://127.0.0.1:" + TestRedis.freePort());
        Finding down = byId(run(new PreflightSetup("paper", Optional.of(unreachable), dir, base.dataSource(),
                base.dialect(), Optional.empty(), Map.of(), base.facts()))).get("redis");
        assertThat(down.verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void theReportTextEndsWithTheVerdict() {
        PreflightReport report = PreflightReport.of("t", "paper", List.of(Finding.pass("a", "fine"),
                Finding.warn("b", "meh", "do x")), List.of(Preflight.REMINDERS.getFirst()));
        assertThat(report.verdict()).isEqualTo(Verdict.WARN);
        assertThat(report.text()).isEqualTo("""
                Quantdesk preflight (paper) at t
                PASS  a  fine
                WARN  b  meh
                         fix: do x

                Also make sure of (software cannot check these):
                  - %s  (docs/runbooks/go-live-reminders.md#network-isolation)

                GO with 1 warning(s): read them before real money (1 pass, 1 warn, 0 fail)
                """.formatted(Preflight.REMINDERS.getFirst().text()));
    }

    private PreflightReport run(PreflightSetup setup) {
        return new Preflight(InstantSource.fixed(NOW)).run(setup);
    }

    private PreflightSetup setup(String mode, DataSource data, Dialect dialect, Map<String, String> env) {
        Map<AccountId, RiskLimits> limits = new LinkedHashMap<>();
        limits.put(ACC, RiskLimits.defaults());
        return new PreflightSetup(mode, Optional.of(ServerConfig.defaults(dir)), dir, data, dialect, Optional.empty(),
                limits, new PreflightSetup.Facts(env, PreflightSetup.BackupPlan.NONE, List.of(), List.of(dir)));
    }

    private PreflightSetup withBackups(String mode, PreflightSetup.BackupPlan plan) {
        PreflightSetup base = setup(mode, sqlite(), Dialect.SQLITE, Map.of());
        return new PreflightSetup(mode, base.server(), dir, base.dataSource(), base.dialect(), Optional.empty(),
                base.limits(), new PreflightSetup.Facts(Map.of(), plan, List.of(), List.of()));
    }

    private DataSource sqlite() {
        SQLiteDataSource data = new SQLiteDataSource();
        data.setUrl("jdbc:sqlite:" + dir.resolve("check.db"));
        return data;
    }

    private static String name(Instant taken) {
        return "quantdesk-" + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC)
                .format(taken) + "-1.qdbackup";
    }

    private static Map<String, Finding> byId(PreflightReport report) {
        Map<String, Finding> findings = new LinkedHashMap<>();
        for (Finding f : report.findings()) {
            findings.put(f.id(), f);
        }
        return findings;
    }
}
