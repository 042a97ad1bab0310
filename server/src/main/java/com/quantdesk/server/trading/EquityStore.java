package com.quantdesk.server.trading;

import com.quantdesk.server.db.Sql;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The equity curves' tables: {@code equity_samples} holds the minute samples by trade date,
 * {@code equity_days} the last sample of each scope and trade date (the all-time curve). Portable
 * SQL: SQLite and PostgreSQL both run it.
 */
final class EquityStore {

    /** One sample as stored: its scope, the IST trade date of its time, and the value in paise. */
    record Sample(EquityHistory.Scope scope, LocalDate date, EquityHistory.Point point) {
    }

    // A sample written twice (a retried batch) stays one row.
    private static final String INSERT_SAMPLE = "INSERT INTO equity_samples (trade_date, kind, scope, time_ms, value) "
            + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (trade_date, kind, scope, time_ms) DO NOTHING";
    // The day's row follows its latest sample, never an older one.
    private static final String UPSERT_DAY = "INSERT INTO equity_days (kind, scope, trade_date, time_ms, value) "
            + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (kind, scope, trade_date) DO UPDATE SET time_ms = excluded.time_ms, "
            + "value = excluded.value WHERE excluded.time_ms > equity_days.time_ms";

    private final Sql sql;

    /** @param sql the store's database */
    EquityStore(Sql sql) {
        this.sql = sql;
    }

    /** Writes samples, and each one's day, in one transaction. */
    void save(List<Sample> samples) {
        if (samples.isEmpty()) {
            return;
        }
        sql.transaction(c -> {
            try (PreparedStatement insert = c.prepareStatement(INSERT_SAMPLE);
                 PreparedStatement day = c.prepareStatement(UPSERT_DAY)) {
                for (Sample s : samples) {
                    long time = s.point().time().toEpochMilli();
                    insert.setString(1, s.date().toString());
                    insert.setString(2, s.scope().kind().column());
                    insert.setString(3, s.scope().id());
                    insert.setLong(4, time);
                    insert.setLong(5, s.point().value());
                    insert.addBatch();
                    day.setString(1, s.scope().kind().column());
                    day.setString(2, s.scope().id());
                    day.setString(3, s.date().toString());
                    day.setLong(4, time);
                    day.setLong(5, s.point().value());
                    day.addBatch();
                }
                insert.executeBatch();
                day.executeBatch();
            }
            return null;
        });
    }

    /** Every scope's samples of {@code date}, oldest first. */
    Map<EquityHistory.Scope, List<EquityHistory.Point>> day(LocalDate date) {
        Map<EquityHistory.Scope, List<EquityHistory.Point>> day = new LinkedHashMap<>();
        for (Sample s : sql.list("SELECT kind, scope, time_ms, value FROM equity_samples WHERE trade_date = ? "
                + "ORDER BY kind, scope, time_ms", r -> new Sample(new EquityHistory.Scope(
                EquityHistory.Kind.of(r.getString(1)), r.getString(2)), date, new EquityHistory.Point(
                Instant.ofEpochMilli(r.getLong(3)), r.getLong(4))), date.toString())) {
            day.computeIfAbsent(s.scope(), scope -> new ArrayList<>()).add(s.point());
        }
        return day;
    }

    /** The last sample of each trade date of {@code scope} before {@code date}, oldest first. */
    List<EquityHistory.Point> closesBefore(EquityHistory.Scope scope, LocalDate date) {
        return sql.list("SELECT time_ms, value FROM equity_days WHERE kind = ? AND scope = ? AND trade_date < ? "
                + "ORDER BY trade_date", r -> new EquityHistory.Point(Instant.ofEpochMilli(r.getLong(1)),
                r.getLong(2)), scope.kind().column(), scope.id(), date.toString());
    }

    /** Deletes the minute samples of trade dates before {@code date} (their days' closes stay). */
    int pruneBefore(LocalDate date) {
        return sql.update("DELETE FROM equity_samples WHERE trade_date < ?", date.toString());
    }
}
