package com.quantdesk.server.preflight;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.Paise;
import com.quantdesk.core.risk.RiskLimits;
import com.quantdesk.store.backup.Retention;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Backups within their objective, risk limits chosen for each account, and live accounts ready for Kite. */
final class TradingChecks {

    /** A backup or restore test may run this much later than its period before it counts as overdue. */
    private static final double GRACE = 1.5;

    private final PreflightSetup setup;
    private final Instant now;

    TradingChecks(PreflightSetup setup, Instant now) {
        this.setup = setup;
        this.now = now;
    }

    /** The backup findings: configured, last one within the objective, restore test recent. */
    List<Finding> backups() {
        PreflightSetup.BackupPlan plan = setup.facts().backups();
        List<Finding> findings = new ArrayList<>();
        if (plan.directory().isEmpty()) {
            findings.add(escalate("backups.configured", "no scheduled backups: a lost disk loses the journal",
                    "start with --backup-every 1h --backup-to /backups/quantdesk (another disk), QD_BACKUP_KEY set"));
            return findings;
        }
        findings.add(Finding.pass("backups.configured", "a backup every " + text(plan.every()) + " to "
                + plan.directory().get() + " (the recovery point objective)"));
        if (!Files.isDirectory(plan.directory().get())) {
            findings.add(Finding.warn("backups.recent", "no backup taken yet: " + plan.directory().get()
                    + " does not exist", "run: quantdesk backup --to " + plan.directory().get()));
        } else {
            findings.add(recent(plan));
        }
        Optional<Instant> tested = plan.lastRestoreTest();
        Duration allowed = scale(plan.restoreTestEvery());
        if (tested.isEmpty()) {
            findings.add(escalate("backups.restore-test", "no restore test has passed for these backups",
                    "run: quantdesk backup verify <newest backup in " + plan.directory().get() + ">"));
        } else if (tested.get().isBefore(now.minus(allowed))) {
            findings.add(escalate("backups.restore-test", "the last restore test passed at " + tested.get()
                            + ", longer ago than every " + text(plan.restoreTestEvery()),
                    "run: quantdesk backup verify <newest backup in " + plan.directory().get() + ">"));
        } else {
            findings.add(Finding.pass("backups.restore-test", "a restore test passed at " + tested.get()));
        }
        return findings;
    }

    private Finding recent(PreflightSetup.BackupPlan plan) {
        List<Retention.Entry> entries;
        try {
            entries = Retention.list(plan.directory().get());
        } catch (IOException e) {
            return Finding.fail("backups.recent", "cannot list " + plan.directory().get() + ": " + e.getMessage(),
                    "give Quantdesk's user read and write access to the backup directory");
        }
        Optional<Instant> newest = entries.stream().map(Retention.Entry::taken).max(Comparator.naturalOrder());
        if (newest.isEmpty()) {
            return Finding.warn("backups.recent", "no backup in " + plan.directory().get() + " yet",
                    "run: quantdesk backup --to " + plan.directory().get());
        }
        if (newest.get().isBefore(now.minus(scale(plan.every())))) {
            return escalate("backups.recent", "the newest backup was taken at " + newest.get() + ", older than the "
                    + text(plan.every()) + " objective", "check the log for backup failures, then run: quantdesk "
                    + "backup --to " + plan.directory().get() + " (docs/runbooks/backup-and-restore.md)");
        }
        return Finding.pass("backups.recent", "the newest backup was taken at " + newest.get());
    }

    /** One finding per account: are the limits that bound a bad day chosen, or left at the defaults. */
    List<Finding> limits() {
        List<Finding> findings = new ArrayList<>();
        RiskLimits defaults = RiskLimits.defaults();
        setup.limits().entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.comparing(AccountId::value)))
                .forEach(entry -> {
                    RiskLimits limits = entry.getValue();
                    List<String> unchosen = new ArrayList<>();
                    if (limits.maxDailyLoss() == defaults.maxDailyLoss()) {
                        unchosen.add("maxDailyLoss (₹" + Paise.format(limits.maxDailyLoss()) + ")");
                    }
                    if (limits.maxRiskPerTradeBps() == defaults.maxRiskPerTradeBps()) {
                        unchosen.add("maxRiskPerTradeBps (" + limits.maxRiskPerTradeBps() + ")");
                    }
                    if (limits.maxOpenPositions() == defaults.maxOpenPositions()) {
                        unchosen.add("maxOpenPositions (" + limits.maxOpenPositions() + ")");
                    }
                    String id = "risk.limits." + entry.getKey().value();
                    if (unchosen.isEmpty()) {
                        findings.add(Finding.pass(id, "daily loss ₹" + Paise.format(limits.maxDailyLoss())
                                + ", risk per trade " + limits.maxRiskPerTradeBps() + " bps, at most "
                                + limits.maxOpenPositions() + " positions"));
                    } else {
                        findings.add(Finding.warn(id, "left at the built-in defaults: " + String.join(", ", unchosen),
                                "set them for this account's capital: accounts[].risk in the configuration, or PUT "
                                        + "/api/v1/risk/limits/" + entry.getKey().value()));
                    }
                });
        if (findings.isEmpty()) {
            findings.add(Finding.warn("risk.limits", "no account is configured",
                    "add an account with its risk limits to the configuration"));
        }
        return findings;
    }

    /** Per live account: a valid Kite session, market protection, the algo id and the API secret. */
    List<Finding> live() {
        List<Finding> findings = new ArrayList<>();
        for (PreflightSetup.LiveAccount account : setup.facts().live()) {
            String prefix = "live." + account.account().value() + ".";
            String login = "run: quantdesk kite login --account " + account.account().value();
            if (account.sessionProblem().isPresent()) {
                findings.add(Finding.fail(prefix + "session", account.sessionProblem().get(), login));
            } else if (account.sessionExpiresAt().isEmpty()) {
                findings.add(Finding.fail(prefix + "session", "no Kite login is stored", login));
            } else if (!account.sessionExpiresAt().get().isAfter(now)) {
                findings.add(Finding.fail(prefix + "session", "the Kite session expired at "
                        + account.sessionExpiresAt().get(), login));
            } else {
                findings.add(Finding.pass(prefix + "session", "the Kite session is valid until "
                        + account.sessionExpiresAt().get()));
            }
            if (account.marketProtection() == 0) {
                findings.add(Finding.fail(prefix + "market-protection", "MARKET and SL-M orders go without "
                        + "market protection", "set kite.marketProtection to -1 (automatic) or 1-100 (%)"));
            } else {
                findings.add(Finding.pass(prefix + "market-protection", "market protection "
                        + (account.marketProtection() < 0 ? "automatic" : account.marketProtection() + " %")));
            }
            if (account.algoId().isEmpty()) {
                findings.add(Finding.fail(prefix + "algo-id", "no exchange algo id is set: orders from an algorithm "
                        + "must carry the one the exchange approved", "set kite.algoId or KITE_ALGO_ID "
                        + "(docs/runbooks/go-live-reminders.md#algo-approval)"));
            } else {
                findings.add(Finding.pass(prefix + "algo-id", "algo id " + account.algoId().get()));
            }
            if (!account.apiSecretSet()) {
                findings.add(Finding.fail(prefix + "api-secret", "KITE_API_SECRET is not set",
                        "export KITE_API_SECRET (or KITE_API_SECRET_FILE) from the Kite developer console"));
            } else {
                findings.add(Finding.pass(prefix + "api-secret", "KITE_API_SECRET is set"));
            }
        }
        return findings;
    }

    private Finding escalate(String id, String reason, String fix) {
        return setup.live() ? Finding.fail(id, reason, fix) : Finding.warn(id, reason, fix);
    }

    private static Duration scale(Duration period) {
        return Duration.ofMillis((long) (period.toMillis() * GRACE));
    }

    static String text(Duration d) {
        if (d.toDays() > 0 && d.equals(Duration.ofDays(d.toDays()))) {
            return d.toDays() + "d";
        }
        if (d.toHours() > 0 && d.equals(Duration.ofHours(d.toHours()))) {
            return d.toHours() + "h";
        }
        if (d.toMinutes() > 0 && d.equals(Duration.ofMinutes(d.toMinutes()))) {
            return d.toMinutes() + "m";
        }
        return d.toSeconds() + "s";
    }
}
