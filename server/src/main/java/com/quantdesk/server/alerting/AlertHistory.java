package com.quantdesk.server.alerting;

import com.quantdesk.server.db.Sql;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code alert_history} table: every alert the alert engine fired, when it resolved and who
 * acknowledged it. A write that fails (the database is down, which may be the very alert) is logged
 * and the alert goes on: alerting never waits for its own history.
 */
public final class AlertHistory {

    private static final Logger LOG = LoggerFactory.getLogger(AlertHistory.class);

    /** One alert as the history shows it; times ISO-8601, null when it has not happened. */
    public record Entry(String id, String rule, String severity, String account, String labels, String summary,
                        String firedAt, String resolvedAt, String ackedBy, String ackedAt) {
    }

    private final Sql sql;

    /** @param sql the store's database */
    public AlertHistory(Sql sql) {
        this.sql = sql;
    }

    void fired(String id, AlertRule rule, AlertRule.Finding finding, Instant at) {
        write("fired", () -> sql.update("INSERT INTO alert_history (alert_id, rule, severity, account, labels, summary, "
                        + "fired_at) VALUES (?, ?, ?, ?, ?, ?, ?)", id, rule.name(), rule.severity().text(),
                finding.account(), new TreeMap<>(finding.labels()).toString(), clip(finding.summary()),
                at.toEpochMilli()));
    }

    void resolved(String id, Instant at) {
        write("resolved", () -> sql.update("UPDATE alert_history SET resolved_at = ? WHERE alert_id = ?",
                at.toEpochMilli(), id));
    }

    void acknowledged(String id, String by, Instant at) {
        write("acknowledged", () -> sql.update("UPDATE alert_history SET acked_by = ?, acked_at = ? WHERE alert_id = ? "
                + "AND acked_by IS NULL", by, at.toEpochMilli(), id));
    }

    /** The newest {@code limit} alerts, newest first. */
    public List<Entry> recent(int limit) {
        return sql.list("SELECT alert_id, rule, severity, account, labels, summary, fired_at, resolved_at, acked_by, "
                + "acked_at FROM alert_history ORDER BY fired_at DESC, alert_id LIMIT ?", r -> new Entry(
                r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5), r.getString(6),
                Instant.ofEpochMilli(r.getLong(7)).toString(), instant(r, 8), r.getString(9), instant(r, 10)), limit);
    }

    private static String instant(java.sql.ResultSet r, int column) throws java.sql.SQLException {
        long millis = r.getLong(column);
        return r.wasNull() ? null : Instant.ofEpochMilli(millis).toString();
    }

    private static String clip(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 1997) + "...";
    }

    private static void write(String what, Runnable write) {
        try {
            write.run();
        } catch (RuntimeException e) {
            LOG.warn("alert history: could not record an alert {}: {}", what, e.getMessage());
        }
    }
}
