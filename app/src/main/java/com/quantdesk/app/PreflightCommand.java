package com.quantdesk.app;

import com.quantdesk.app.paper.PaperConfig;
import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.event.RiskConfigChanged;
import com.quantdesk.core.risk.RiskEngine;
import com.quantdesk.core.risk.RiskLimits;
import com.quantdesk.server.ServerConfig;
import com.quantdesk.server.preflight.Finding;
import com.quantdesk.server.preflight.Preflight;
import com.quantdesk.server.preflight.PreflightReport;
import com.quantdesk.server.preflight.PreflightSetup;
import com.quantdesk.server.preflight.Verdict;
import com.quantdesk.store.StoreConfig;
import com.quantdesk.store.Stores;
import com.quantdesk.store.journal.JournalKey;
import com.quantdesk.store.journal.JournalReplay;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import picocli.CommandLine.Command;

/**
 * {@code quantdesk preflight}: the go/no-go of an installation before real money, with the options
 * of the {@code paper} (or {@code live}) start it checks. It reads and connects; it writes nothing,
 * not even a key or a database that a start would create.
 */
@Command(name = "preflight", mixinStandardHelpOptions = true,
        description = {"Check an installation before real money: secrets, exposure, CORS, the database and its "
                + "migrations, the journal's chain, Redis, backups and restore tests, alert channels, risk limits, "
                + "the kill-switch drill, disk space and directory permissions. Each check prints PASS, WARN or "
                + "FAIL with its reason and fix; then the go-live items no software can check, with their runbook.",
                "Give it the options the paper process starts with; 'quantdesk preflight live --account NAME' "
                        + "checks a live start, with its Kite login, market protection and algo id.",
                "Exit code 0 when nothing failed (warnings allowed), 1 on any FAIL."},
        subcommands = PreflightCommand.Live.class)
final class PreflightCommand extends PaperCommand {

    /** The environment the checks read (with NAME_FILE secrets resolved), as a lookup. */
    static Map<String, String> environment() {
        return new EnvironmentMap(PaperCommand.env);
    }

    @Override
    public Integer call() {
        return check(this, "paper");
    }

    /** {@code quantdesk preflight live --account NAME}. */
    @Command(name = "live", mixinStandardHelpOptions = true,
            description = {"Check a live start of one account: everything 'preflight' checks, with backups and an "
                    + "alert channel required, and the account's Kite login, market protection, algo id and API "
                    + "secret.", "Exit code 0 when nothing failed (warnings allowed), 1 on any FAIL."})
    static final class Live extends LiveCommand {
        @Override
        public Integer call() {
            return check(this, "live");
        }
    }

    /** Runs the checks for the start {@code command} describes and prints the report. */
    static int check(PaperCommand command, String mode) {
        PrintWriter out = command.spec.commandLine().getOut();
        PaperConfig config = command.prepare(command.loadConfig());
        Path directory = command.dataDirectory(config);
        StoreConfig storeConfig = command.storeConfig(config);
        List<Finding> early = new ArrayList<>();
        Optional<ServerConfig> server = Optional.empty();
        if (!command.noApi) {
            try {
                server = Optional.of(command.serverConfig(directory));
            } catch (UsageException e) {
                early.add(Finding.fail("security.exposure", "the HTTP API would not start: " + e.getMessage(),
                        "correct the option the message names"));
            }
        }
        Optional<JournalKey> key = Optional.empty();
        try {
            if (storeConfig.journalKeyAvailable()) {
                key = Optional.of(storeConfig.loadJournalKey(false));
            }
        } catch (RuntimeException e) {
            // security.secrets.journal-key reports why; the chain is then checked as far as it can be.
        }
        DataSource data = Stores.inspection(storeConfig);
        PreflightSetup setup = new PreflightSetup(mode, server, directory, data, storeConfig.dialect(), key,
                limits(config, data, key), facts(command, directory, data));
        PreflightReport report = new Preflight(InstantSource.system()).run(setup);
        if (!early.isEmpty()) {
            List<Finding> all = new ArrayList<>(early);
            all.addAll(report.findings());
            report = PreflightReport.of(report.checkedAt(), mode, all, report.reminders());
        }
        out.print(report.text());
        out.flush();
        return report.verdict() == Verdict.FAIL ? QuantdeskCommand.FAILURE : QuantdeskCommand.OK;
    }

    /**
     * Each account's limits as a start would have them: the configuration's, then every change made
     * since through the API, replayed from the journal when its key is at hand.
     */
    private static Map<AccountId, RiskLimits> limits(PaperConfig config, DataSource data, Optional<JournalKey> key) {
        RiskEngine risk = new RiskEngine(RiskLimits.defaults());
        for (PaperConfig.Account account : config.accounts()) {
            risk = risk.withLimits(account.id(), RiskLimits.defaults().with(account.risk()));
        }
        if (key.isPresent()) {
            RiskEngine replaying = risk;
            try {
                new JournalReplay(data, key.get()).replay(event -> {
                    if (event instanceof RiskConfigChanged change) {
                        replaying.recover(change);
                    }
                });
            } catch (RuntimeException e) {
                // No database or a broken chain: their own checks fail; the configuration's limits stand.
            }
        }
        Map<AccountId, RiskLimits> limits = new LinkedHashMap<>();
        for (PaperConfig.Account account : config.accounts()) {
            limits.put(account.id(), risk.limits(account.id()));
        }
        return limits;
    }

    /** The backup schedule, live accounts and directories of the start {@code command} describes. */
    static PreflightSetup.Facts facts(PaperCommand command, Path dataDirectory, DataSource data) {
        Map<String, String> env = environment();
        PreflightSetup.BackupPlan backups = PreflightSetup.BackupPlan.NONE;
        List<Path> directories = new ArrayList<>(List.of(dataDirectory));
        if (command.backupEvery != null && command.backupTo != null) {
            Duration every = PaperCommand.parseDuration(command.backupEvery, "--backup-every");
            Duration restoreTests = PaperCommand.parseDuration(command.restoreTestEvery, "--restore-test-every");
            backups = new PreflightSetup.BackupPlan(Optional.of(command.backupTo), every, restoreTests,
                    RestoreTest.last(command.backupTo));
            directories.add(command.backupTo);
        }
        String logs = env.get("QD_LOG_DIR");
        if (logs != null && !logs.isBlank()) {
            directories.add(Path.of(logs));
        }
        return new PreflightSetup.Facts(env, backups, command.liveAccounts(data), directories);
    }
}
