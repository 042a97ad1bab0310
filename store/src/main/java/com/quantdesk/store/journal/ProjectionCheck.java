package com.quantdesk.store.journal;

import com.quantdesk.core.domain.Side;
import com.quantdesk.core.event.AccountOpened;
import com.quantdesk.core.event.AuditRecorded;
import com.quantdesk.core.event.BotCreated;
import com.quantdesk.core.event.BotStateChanged;
import com.quantdesk.core.event.Event;
import com.quantdesk.core.event.OrderAccepted;
import com.quantdesk.core.event.OrderCancelRequested;
import com.quantdesk.core.event.OrderCancelled;
import com.quantdesk.core.event.OrderDenied;
import com.quantdesk.core.event.OrderFilled;
import com.quantdesk.core.event.OrderModified;
import com.quantdesk.core.event.OrderRejected;
import com.quantdesk.core.event.OrderSubmitted;
import com.quantdesk.core.event.PositionChanged;
import com.quantdesk.core.event.RiskSessionChanged;
import com.quantdesk.core.order.OrderStatus;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the query tables against the journal at start-up and rebuilds them when they lag or
 * disagree. While the journal replays, it folds the events into what each table must hold (per order:
 * status, filled quantity and value, cancel asked for; fills per order; positions; balances; bots;
 * risk sessions; the audit rows' count); then it reads the tables and compares them row by row.
 *
 * <p>The tables are written in the journal's own transactions, so they only disagree when something
 * else wrote them (a hand edit, a restore of one table, an older version's projection logic). The
 * journal is the truth: a rebuild empties the tables and applies every event again, in one
 * transaction.
 */
public final class ProjectionCheck implements Consumer<Event> {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectionCheck.class);
    private static final int REPORTED = 5;
    private static final String[] TABLES = {"orders", "fills", "positions", "account_balances", "bots",
        "risk_sessions", "audit_log"};
    private static final OrderStatus[] STATUSES = OrderStatus.values();

    /** Per order: status ordinal, filled quantity, filled value, fills, quantity over the fills. */
    private final Map<Long, long[]> orders = new HashMap<>();
    private final Map<Long, String> cancels = new HashMap<>();
    /** Per (account, symbol, product): quantity, cost basis, realized P&L. */
    private final Map<PositionKey, long[]> positions = new HashMap<>();
    /** Per account: cash, charges, initial cash. */
    private final Map<String, long[]> balances = new HashMap<>();
    private final Map<String, String> bots = new HashMap<>();
    private final Map<String, String> sessions = new HashMap<>();
    /** Audit records: how many, and the last one's sequence. */
    private long audits;
    private long lastAudit;

    private record PositionKey(String account, String symbol, String product) {
    }

    /** Folds one replayed event into what the tables must hold. */
    @Override
    public void accept(Event event) {
        switch (event) {
            case OrderSubmitted e -> orders.put(e.order().id().value(), new long[] {OrderStatus.SUBMITTED.ordinal(),
                0, 0, 0, 0});
            case OrderDenied e -> orders.put(e.order().id().value(), new long[] {OrderStatus.DENIED.ordinal(), 0, 0, 0,
                0});
            case OrderAccepted e -> {
                long[] o = order(e.orderId().value());
                if (o[0] == OrderStatus.SUBMITTED.ordinal()) {
                    o[0] = OrderStatus.ACCEPTED.ordinal();
                }
            }
            case OrderRejected e -> order(e.orderId().value())[0] = OrderStatus.REJECTED.ordinal();
            case OrderCancelled e -> order(e.orderId().value())[0] = OrderStatus.CANCELLED.ordinal();
            case OrderCancelRequested e -> cancels.put(e.orderId().value(), e.reason());
            case OrderModified e -> { }
            case OrderFilled e -> fill(e);
            case PositionChanged e -> {
                positions.put(new PositionKey(e.account().value(), e.symbol().value(), e.product().name()),
                        new long[] {e.quantity(), e.costBasis(), e.realizedPnl()});
                balance(e.account().value());
            }
            case AccountOpened e -> {
                long[] b = balance(e.account().value());
                b[0] = Math.addExact(b[0], e.initialCash());
                b[2] = e.initialCash();
            }
            case BotCreated e -> bots.put(e.bot().value(), "STOPPED");
            case BotStateChanged e -> bots.put(e.bot().value(), e.current().name());
            case RiskSessionChanged e -> sessions.put(e.account().value(), session(e.tradeDate().toString(),
                    e.baselineEquity(), e.dailyLossBreached() ? 1 : 0, e.misSquaredOff() ? 1 : 0));
            case AuditRecorded e -> {
                audits++;
                lastAudit = e.sequence();
            }
            default -> { }
        }
    }

    private long[] order(long id) {
        return orders.computeIfAbsent(id, k -> new long[5]);
    }

    private void fill(OrderFilled e) {
        long value = Math.multiplyExact(e.quantity(), e.price());
        long[] o = order(e.orderId().value());
        o[0] = (e.remaining() == 0 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED).ordinal();
        o[1] = e.filledQuantity();
        o[2] = Math.addExact(o[2], value);
        o[3]++;
        o[4] = Math.addExact(o[4], e.quantity());
        long[] b = balance(e.account().value());
        b[0] = Math.subtractExact(Math.addExact(b[0], e.side() == Side.SELL ? value : -value), e.charges());
        b[1] = Math.addExact(b[1], e.charges());
    }

    private long[] balance(String account) {
        return balances.computeIfAbsent(account, a -> new long[3]);
    }

    private static String session(String tradeDate, long baseline, int breached, int squaredOff) {
        return tradeDate + " " + baseline + " " + breached + " " + squaredOff;
    }

    /**
     * Compares the tables with the events folded so far.
     *
     * @return the differences, described for a person (at most a few); empty when they agree
     * @throws JournalException if the tables cannot be read
     */
    public List<String> differences(DataSource dataSource) {
        Differences found = new Differences();
        try (Connection connection = dataSource.getConnection(); Statement s = connection.createStatement()) {
            Set<Long> seenOrders = new HashSet<>();
            Set<Long> seenFills = new HashSet<>();
            read(s, "SELECT order_id, status, filled_quantity, filled_value, cancel_requested FROM orders", r -> {
                long id = r.getLong(1);
                seenOrders.add(id);
                long[] o = orders.get(id);
                String have = r.getString(2) + " " + r.getLong(3) + " " + r.getLong(4) + cancel(r.getString(5));
                found.compare("orders/" + id, o == null ? null : STATUSES[(int) o[0]] + " " + o[1] + " " + o[2]
                        + cancel(cancels.get(id)), have);
            });
            read(s, "SELECT order_id, COUNT(*), SUM(quantity) FROM fills GROUP BY order_id", r -> {
                long id = r.getLong(1);
                seenFills.add(id);
                long[] o = orders.get(id);
                found.compare("fills/" + id, o == null || o[3] == 0 ? null : o[3] + " " + o[4],
                        r.getLong(2) + " " + r.getLong(3));
            });
            orders.forEach((id, o) -> {
                if (!seenOrders.contains(id)) {
                    found.compare("orders/" + id, STATUSES[(int) o[0]].name(), null);
                }
                if (o[3] > 0 && !seenFills.contains(id)) {
                    found.compare("fills/" + id, o[3] + " " + o[4], null);
                }
            });
            Map<String, String> expected = new HashMap<>();
            Map<String, Long> realized = new HashMap<>();
            positions.forEach((key, p) -> {
                expected.put("positions/" + key.account() + "/" + key.symbol() + "/" + key.product(),
                        p[0] + " " + p[1] + " " + p[2]);
                realized.merge(key.account(), p[2], Math::addExact);
            });
            balances.forEach((account, b) -> expected.put("account_balances/" + account, b[0] + " " + b[1] + " "
                    + realized.getOrDefault(account, 0L) + " " + b[2]));
            bots.forEach((bot, state) -> expected.put("bots/" + bot, state));
            sessions.forEach((account, session) -> expected.put("risk_sessions/" + account, session));
            Map<String, String> actual = new HashMap<>();
            read(s, "SELECT account, symbol, product, quantity, cost_basis, realized_pnl FROM positions",
                    r -> actual.put("positions/" + r.getString(1) + "/" + r.getString(2) + "/" + r.getString(3),
                            r.getLong(4) + " " + r.getLong(5) + " " + r.getLong(6)));
            read(s, "SELECT account, cash, charges, realized_pnl, initial_cash FROM account_balances",
                    r -> actual.put("account_balances/" + r.getString(1), r.getLong(2) + " " + r.getLong(3) + " "
                            + r.getLong(4) + " " + r.getLong(5)));
            read(s, "SELECT bot_id, state FROM bots", r -> actual.put("bots/" + r.getString(1), r.getString(2)));
            read(s, "SELECT account, trade_date, baseline_equity, daily_loss_breached, mis_squared_off "
                    + "FROM risk_sessions", r -> actual.put("risk_sessions/" + r.getString(1), session(r.getString(2),
                    r.getLong(3), r.getInt(4), r.getInt(5))));
            expected.put("audit_log", audits + " " + lastAudit);
            read(s, "SELECT COUNT(*), MAX(sequence) FROM audit_log", r -> actual.put("audit_log", r.getLong(1) + " "
                    + r.getLong(2)));
            Set<String> keys = new TreeSet<>(expected.keySet());
            keys.addAll(actual.keySet());
            for (String key : keys) {
                found.compare(key, expected.get(key), actual.get(key));
            }
        } catch (SQLException e) {
            throw new JournalException("cannot read the query tables: " + e.getMessage(), e);
        }
        return found.list;
    }

    private static String cancel(String reason) {
        return reason == null ? "" : " cancel asked: " + reason;
    }

    /** The first few differences, in the order found. */
    private static final class Differences {
        final List<String> list = new ArrayList<>();

        void compare(String key, String want, String have) {
            if (!Objects.equals(want, have) && list.size() < REPORTED) {
                list.add(key + ": the journal says " + (want == null ? "no row" : want) + ", the table holds "
                        + (have == null ? "no row" : have));
            }
        }
    }

    /**
     * Rebuilds every query table from the journal, in one transaction: the tables are emptied and
     * each event is applied again, in order.
     *
     * @throws JournalException if the database fails (the tables are then as they were)
     */
    public static void rebuild(DataSource dataSource, JdbcEventJournal journal) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement s = connection.createStatement(); Projections projections = new Projections(connection)) {
                for (String table : TABLES) {
                    s.executeUpdate("DELETE FROM " + table);
                }
                SQLException[] failure = new SQLException[1];
                journal.replay(event -> {
                    if (failure[0] == null) {
                        try {
                            projections.apply(event);
                        } catch (SQLException e) {
                            failure[0] = e;
                        }
                    }
                });
                if (failure[0] != null) {
                    throw failure[0];
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new JournalException("cannot rebuild the query tables: " + e.getMessage(), e);
        }
        LOG.warn("projections: the query tables were rebuilt from the journal");
    }

    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private static void read(Statement statement, String sql, RowReader reader) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                reader.read(rows);
            }
        }
    }
}
