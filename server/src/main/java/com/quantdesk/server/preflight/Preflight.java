package com.quantdesk.server.preflight;

import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The go/no-go before real money: every check software can make of a Quantdesk installation, each a
 * PASS, WARN or FAIL with its reason and its fix, and the items it cannot check as reminders that link
 * their runbook. It reads and connects, and writes nothing.
 */
public final class Preflight {

    /** The runbook that explains every reminder, one section each. */
    public static final String REMINDERS_RUNBOOK = "docs/runbooks/go-live-reminders.md";

    /** What no software can check, each with its section of {@link #REMINDERS_RUNBOOK}. */
    public static final List<Reminder> REMINDERS = List.of(
            reminder("network-isolation", "The host sits in a private network: only the proxy reaches the API, "
                    + "only Quantdesk reaches the database and Redis"),
            reminder("on-call", "Someone is on call while trading runs, subscribed to CRITICAL alerts, and knows the "
                    + "kill switch"),
            reminder("algo-approval", "The exchange approved the strategy and the algo id through the broker"),
            reminder("sandbox-dry-run", "A full session ran against the Kite sandbox with this configuration"),
            reminder("key-custody", "The journal, backup and server keys have a second copy held apart from "
                    + "the machine"),
            reminder("offsite-backup", "Backups are copied off the machine, and one was restored elsewhere"),
            reminder("capacity-review", "Capital, limits and order rates were reviewed against the broker's and "
                    + "exchange's limits"),
            reminder("go-live-approval", "The account owner signed off going live, with the date recorded"));

    private final InstantSource clock;

    /** A preflight that reads the time from {@code clock}. */
    public Preflight(InstantSource clock) {
        this.clock = clock;
    }

    /** Runs every check over {@code setup}; a check that throws is a FAIL naming what it could not do. */
    public PreflightReport run(PreflightSetup setup) {
        Instant now = clock.instant();
        SecurityChecks security = new SecurityChecks(setup);
        StoreChecks store = new StoreChecks(setup, now);
        TradingChecks trading = new TradingChecks(setup, now);
        List<Finding> findings = new ArrayList<>();
        one(findings, "security.secrets.admin-password", security::adminPassword);
        one(findings, "security.secrets.server-key", security::serverKey);
        one(findings, "security.secrets.jwt-key", security::jwtKey);
        one(findings, "security.secrets.journal-key", security::journalKey);
        one(findings, "security.secrets.backup-key", security::backupKey);
        one(findings, "security.exposure", security::exposure);
        one(findings, "security.cors", security::cors);
        Finding database = store.reachable();
        findings.add(database);
        if (database.verdict() == Verdict.PASS) {
            int before = findings.size();
            one(findings, "database.migrated", store::migrated);
            boolean current = findings.get(before).verdict() == Verdict.PASS;
            Map<String, Supplier<Finding>> onTables = new LinkedHashMap<>();
            onTables.put("journal.chain", store::journal);
            onTables.put("alerts.channel", store::alertChannel);
            onTables.put("alerts.test-delivered", store::testDelivered);
            onTables.put("risk.kill-switch", store::killSwitch);
            onTables.forEach((id, check) -> {
                if (current) {
                    one(findings, id, check);
                } else {
                    findings.add(Finding.warn(id, "not checked: the schema is not current",
                            "start Quantdesk once so it migrates the database, then run the preflight again"));
                }
            });
        }
        one(findings, "redis", security::redis);
        many(findings, "backups", trading::backups);
        many(findings, "risk.limits", trading::limits);
        many(findings, "live", trading::live);
        for (Path directory : setup.facts().directories()) {
            one(findings, "host.disk." + directory, () -> HostChecks.disk(directory));
            one(findings, "host.permissions." + directory, () -> HostChecks.permissions(directory));
        }
        return PreflightReport.of(now.toString(), setup.mode(), findings, REMINDERS);
    }

    private static void one(List<Finding> findings, String id, Supplier<Finding> check) {
        try {
            findings.add(check.get());
        } catch (RuntimeException e) {
            findings.add(failed(id, e));
        }
    }

    private static void many(List<Finding> findings, String id, Supplier<List<Finding>> checks) {
        try {
            findings.addAll(checks.get());
        } catch (RuntimeException e) {
            findings.add(failed(id, e));
        }
    }

    private static Finding failed(String id, RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return Finding.fail(id, "the check could not run: " + message, "correct what the message names and run "
                + "the preflight again");
    }

    private static Reminder reminder(String anchor, String text) {
        return new Reminder(anchor, text, REMINDERS_RUNBOOK + "#" + anchor);
    }
}
