package com.quantdesk.server.preflight;

import com.quantdesk.core.event.Event;
import com.quantdesk.core.event.TradingStateChanged;
import com.quantdesk.core.risk.TradingState;
import com.quantdesk.server.db.Sql;
import com.quantdesk.store.Dialect;
import com.quantdesk.store.Migrations;
import com.quantdesk.store.StoreConfig;
import com.quantdesk.store.journal.EncodedEvent;
import com.quantdesk.store.journal.EventCodec;
import com.quantdesk.store.journal.JournalKey;
import com.quantdesk.store.journal.JournalTables;
import com.quantdesk.store.journal.JournalVerifier;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the database says: reachable, migrated, the journal's chain intact, an alert channel that has
 * delivered a test, and a kill switch that has been thrown and reset.
 */
final class StoreChecks {

    /** How recent a test notification and a kill-switch drill should be. */
    static final Duration DRILL_AGE = Duration.ofDays(30);
    /** How many of the newest trading-state changes are looked through for a kill-switch drill. */
    private static final int STATE_CHANGES_READ = 500;

    private final PreflightSetup setup;
    private final Instant now;
    private final Sql sql;

    StoreChecks(PreflightSetup setup, Instant now) {
        this.setup = setup;
        this.now = now;
        this.sql = new Sql(setup.dataSource());
    }

    /** Whether the database answers; the later database checks are skipped when it does not. */
    Finding reachable() {
        String id = "database.reachable";
        String fix = setup.dialect() == Dialect.SQLITE
                ? "check --data-dir: the database is " + setup.dataDirectory().resolve(StoreConfig.SQLITE_FILE)
                + ", made by the first start (quantdesk paper)"
                : "start PostgreSQL, or correct --db / DATABASE_URL (docs/runbooks/database-failover.md)";
        try (Connection c = setup.dataSource().getConnection()) {
            if (!c.isValid(5)) {
                return Finding.fail(id, "the " + database() + " database does not answer", fix);
            }
            return Finding.pass(id, "the " + database() + " database answers");
        } catch (SQLException e) {
            return Finding.fail(id, "cannot open the " + database() + " database: " + e.getMessage(), fix);
        }
    }

    Finding migrated() {
        String id = "database.migrated";
        List<String> pending = Migrations.pending(setup.dataSource(), setup.dialect());
        if (pending.isEmpty()) {
            return Finding.pass(id, "the schema is current");
        }
        return Finding.warn(id, pending.size() + " migration(s) not applied yet: " + String.join(", ", pending),
                "take a backup (quantdesk backup), then start Quantdesk: it applies them on start");
    }

    Finding journal() {
        String id = "journal.chain";
        JournalTables.Chain chain = JournalTables.chain(setup.dataSource());
        if (chain.events() == 0) {
            return Finding.pass(id, "the journal is empty");
        }
        Optional<JournalKey> key = setup.journalKey();
        if (key.isEmpty()) {
            if (chain.keyId().isPresent()) {
                return Finding.fail(id, "the journal is keyed (key " + chain.keyId().get() + ") but this process has "
                        + "no key to verify it with", "give the journal key: QD_JOURNAL_KEY or "
                        + JournalKey.FILE + " in the data directory (from its backup)");
            }
            JournalVerifier.Verification unkeyed = JournalVerifier.unkeyed(setup.dataSource()).verify();
            return unkeyed.ok()
                    ? Finding.warn(id, chain.events() + " events on an unkeyed chain, intact",
                    "start Quantdesk once with a journal key so new events are chained with it")
                    : Finding.fail(id, unkeyed.toString(), "stop trading and restore the last good backup "
                    + "(docs/runbooks/backup-and-restore.md)");
        }
        JournalVerifier.Verification result = new JournalVerifier(setup.dataSource(), key.get()).verify();
        if (!result.ok()) {
            return Finding.fail(id, result.toString(), "stop trading and restore the last good backup "
                    + "(docs/runbooks/backup-and-restore.md)");
        }
        return Finding.pass(id, result.toString());
    }

    Finding alertChannel() {
        String id = "alerts.channel";
        long channels = count("SELECT COUNT(*) FROM notification_channels WHERE enabled = 1");
        if (channels == 0) {
            return escalate(id, "no notification channel is configured: alerts reach nobody outside the dashboard",
                    "add one: POST /api/v1/notifications/channels (webhook, Slack, email or Telegram), and "
                            + "subscribe the on-call user to it");
        }
        return Finding.pass(id, channels + " notification channel(s) enabled");
    }

    Finding testDelivered() {
        String id = "alerts.test-delivered";
        long since = now.minus(DRILL_AGE).toEpochMilli();
        long delivered = count("SELECT COUNT(*) FROM notification_deliveries WHERE test = 1 AND status = 'delivered'"
                + " AND delivered_at >= ?", since);
        if (delivered == 0) {
            return escalate(id, "no test notification was delivered in the last " + DRILL_AGE.toDays() + " days",
                    "send one and check it arrives: POST /api/v1/notifications/channels/{id}/test");
        }
        return Finding.pass(id, delivered + " test notification(s) delivered in the last " + DRILL_AGE.toDays()
                + " days");
    }

    Finding killSwitch() {
        String id = "risk.kill-switch";
        Optional<Instant> last = lastKillSwitch();
        String fix = "drill it on paper or the Kite sandbox: POST /api/v1/risk/kill-switch with a reason, check that "
                + "orders stop, then POST /api/v1/risk/kill-switch/reset (docs/runbooks/incident-response.md)";
        if (last.isEmpty()) {
            return Finding.warn(id, "the kill switch has never been thrown in this journal", fix);
        }
        if (last.get().isBefore(now.minus(DRILL_AGE))) {
            return Finding.warn(id, "the kill switch was last thrown at " + last.get() + ", more than "
                    + DRILL_AGE.toDays() + " days ago", fix);
        }
        return Finding.pass(id, "the kill switch was last thrown at " + last.get());
    }

    /** When the kill switch was last thrown, from the newest trading-state changes in the journal. */
    private Optional<Instant> lastKillSwitch() {
        EventCodec codec = new EventCodec();
        List<Event> changes = sql.list("SELECT sequence, time, type, account, bot, causation_id, payload FROM events "
                + "WHERE type = ? ORDER BY sequence DESC LIMIT ?", r -> codec.decode(new EncodedEvent(r.getLong(1),
                r.getString(2), r.getString(3), r.getString(4), r.getString(5), r.getLong(6), r.getString(7))),
                "TradingStateChanged", STATE_CHANGES_READ);
        for (Event event : changes) {
            if (event instanceof TradingStateChanged t && t.current() == TradingState.HALTED
                    && t.reason().startsWith("kill switch")) {
                return Optional.of(t.time());
            }
        }
        return Optional.empty();
    }

    private String database() {
        return setup.dialect() == Dialect.SQLITE ? "SQLite" : "PostgreSQL";
    }

    private Finding escalate(String id, String reason, String fix) {
        return setup.live() ? Finding.fail(id, reason, fix) : Finding.warn(id, reason, fix);
    }

    private long count(String query, Object... parameters) {
        return sql.one(query, r -> r.getLong(1), parameters).orElse(0L);
    }
}
