package com.quantdesk.store.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.quantdesk.core.audit.AuditEntry;
import com.quantdesk.core.bot.BotDefinition;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.event.AccountOpened;
import com.quantdesk.core.event.AuditRecorded;
import com.quantdesk.core.event.BotCreated;
import com.quantdesk.core.event.BotStateChanged;
import com.quantdesk.core.event.ClosingPriceRecorded;
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
import com.quantdesk.core.event.RiskAlert;
import com.quantdesk.core.event.RiskConfigChanged;
import com.quantdesk.core.event.RiskSessionChanged;
import com.quantdesk.core.event.TradingStateChanged;
import com.quantdesk.core.order.Order;
import com.quantdesk.core.order.OrderRequest;
import com.quantdesk.core.order.OrderStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the query tables ({@code orders}, {@code fills}, {@code positions}, {@code account_balances},
 * {@code bots}, {@code risk_sessions}, {@code audit_log}) from events, inside the journal writer's transaction, so they never disagree with the journal.
 * One instance per transaction; statements run in event order because later ones read what earlier
 * ones wrote. The SQL is the subset SQLite and PostgreSQL share ({@code INSERT ... ON CONFLICT}).
 */
final class Projections implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Projections.class);

    private static final String ORDER_UPSERT = """
            INSERT INTO orders (order_id, account, bot, symbol, side, order_type, product, validity, quantity,
                limit_price, trigger_price, stop_loss_price, tag, after_market, status, venue_order_id,
                filled_quantity, filled_value, reason_code, reason, created_at, updated_at, last_sequence)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (order_id) DO UPDATE SET account = excluded.account, bot = excluded.bot,
                symbol = excluded.symbol, side = excluded.side, order_type = excluded.order_type,
                product = excluded.product, validity = excluded.validity, quantity = excluded.quantity,
                limit_price = excluded.limit_price, trigger_price = excluded.trigger_price,
                stop_loss_price = excluded.stop_loss_price, tag = excluded.tag, after_market = excluded.after_market,
                status = excluded.status, venue_order_id = excluded.venue_order_id,
                filled_quantity = excluded.filled_quantity, filled_value = excluded.filled_value,
                reason_code = excluded.reason_code, reason = excluded.reason, created_at = excluded.created_at,
                updated_at = excluded.updated_at, last_sequence = excluded.last_sequence""";
    // An acknowledgement that arrives after a fill must not move the order back to ACCEPTED.
    private static final String ORDER_ACCEPTED = """
            UPDATE orders SET status = CASE WHEN status = 'SUBMITTED' THEN 'ACCEPTED' ELSE status END,
                venue_order_id = ?, updated_at = ?, last_sequence = ? WHERE order_id = ?""";
    private static final String ORDER_REJECTED = """
            UPDATE orders SET status = 'REJECTED', reason_code = ?, reason = ?, updated_at = ?, last_sequence = ?
            WHERE order_id = ?""";
    private static final String ORDER_FILLED = """
            UPDATE orders SET status = ?, filled_quantity = ?, filled_value = filled_value + ?, updated_at = ?,
                last_sequence = ? WHERE order_id = ?""";
    private static final String ORDER_CANCELLED = """
            UPDATE orders SET status = 'CANCELLED', reason = ?, updated_at = ?, last_sequence = ? WHERE order_id = ?""";
    private static final String ORDER_MODIFIED = """
            UPDATE orders SET quantity = ?, limit_price = ?, trigger_price = ?, updated_at = ?, last_sequence = ?
            WHERE order_id = ?""";
    private static final String FILL_INSERT = """
            INSERT INTO fills (sequence, order_id, fill_id, account, bot, symbol, side, product, quantity, price,
                charges, time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String BALANCE_CASH = """
            INSERT INTO account_balances (account, cash, charges, realized_pnl, updated_at, last_sequence)
            VALUES (?, ?, ?, 0, ?, ?)
            ON CONFLICT (account) DO UPDATE SET cash = account_balances.cash + excluded.cash,
                charges = account_balances.charges + excluded.charges, updated_at = excluded.updated_at,
                last_sequence = excluded.last_sequence""";
    // Runs before the position upsert: the realized delta is the new total minus the stored one.
    private static final String BALANCE_REALIZED = """
            INSERT INTO account_balances (account, cash, charges, realized_pnl, updated_at, last_sequence)
            VALUES (?, 0, 0, ? - COALESCE((SELECT realized_pnl FROM positions
                WHERE account = ? AND symbol = ? AND product = ?), 0), ?, ?)
            ON CONFLICT (account) DO UPDATE SET realized_pnl = account_balances.realized_pnl + excluded.realized_pnl,
                updated_at = excluded.updated_at, last_sequence = excluded.last_sequence""";
    private static final String POSITION_UPSERT = """
            INSERT INTO positions (account, symbol, product, quantity, cost_basis, average_price, realized_pnl,
                last_bot, updated_at, last_sequence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (account, symbol, product) DO UPDATE SET quantity = excluded.quantity,
                cost_basis = excluded.cost_basis, average_price = excluded.average_price,
                realized_pnl = excluded.realized_pnl, last_bot = excluded.last_bot,
                updated_at = excluded.updated_at, last_sequence = excluded.last_sequence""";

    private static final String ORDER_CANCEL_REQUESTED = """
            UPDATE orders SET cancel_requested = ?, updated_at = ?, last_sequence = ? WHERE order_id = ?""";
    private static final String ACCOUNT_OPENED = """
            INSERT INTO account_balances (account, cash, charges, realized_pnl, updated_at, last_sequence, initial_cash)
            VALUES (?, ?, 0, 0, ?, ?, ?)
            ON CONFLICT (account) DO UPDATE SET cash = account_balances.cash + excluded.cash,
                initial_cash = excluded.initial_cash, updated_at = excluded.updated_at,
                last_sequence = excluded.last_sequence""";
    private static final String BOT_CREATED = """
            INSERT INTO bots (bot_id, account, strategy, params, state, created_at, updated_at, symbols, bar_seconds,
                reason, last_sequence) VALUES (?, ?, ?, ?, 'STOPPED', ?, ?, ?, ?, ?, ?)""";
    private static final String BOT_STATE = """
            UPDATE bots SET state = ?, reason = ?, updated_at = ?, last_sequence = ? WHERE bot_id = ?""";
    private static final String RISK_SESSION = """
            INSERT INTO risk_sessions (account, trade_date, baseline_equity, daily_loss_breached, mis_squared_off,
                updated_at, last_sequence) VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (account) DO UPDATE SET trade_date = excluded.trade_date,
                baseline_equity = excluded.baseline_equity, daily_loss_breached = excluded.daily_loss_breached,
                mis_squared_off = excluded.mis_squared_off, updated_at = excluded.updated_at,
                last_sequence = excluded.last_sequence""";
    private static final String AUDIT_INSERT = """
            INSERT INTO audit_log (sequence, time, actor, roles, account, action, target, outcome, ip, correlation_id,
                detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Connection connection;
    private final List<PreparedStatement> open = new ArrayList<>();
    private PreparedStatement orderUpsert;
    private PreparedStatement orderAccepted;
    private PreparedStatement orderRejected;
    private PreparedStatement orderFilled;
    private PreparedStatement orderCancelled;
    private PreparedStatement orderModified;
    private PreparedStatement fillInsert;
    private PreparedStatement balanceCash;
    private PreparedStatement balanceRealized;
    private PreparedStatement positionUpsert;
    private PreparedStatement orderCancelRequested;
    private PreparedStatement accountOpened;
    private PreparedStatement botCreated;
    private PreparedStatement botState;
    private PreparedStatement riskSession;
    private PreparedStatement auditInsert;

    Projections(Connection connection) {
        this.connection = connection;
    }

    /** Applies one event to the query tables. */
    void apply(Event event) throws SQLException {
        switch (event) {
            case OrderSubmitted e -> upsertOrder(e.order(), null, null, e.sequence());
            case OrderDenied e -> upsertOrder(e.order(), e.reasonCode(), e.message(), e.sequence());
            case OrderAccepted e -> {
                orderAccepted = prepare(orderAccepted, ORDER_ACCEPTED);
                orderAccepted.setString(1, e.venueOrderId());
                orderAccepted.setString(2, e.time().toString());
                orderAccepted.setLong(3, e.sequence());
                orderAccepted.setLong(4, e.orderId().value());
                expectOneRow(orderAccepted, e);
            }
            case OrderRejected e -> {
                orderRejected = prepare(orderRejected, ORDER_REJECTED);
                orderRejected.setString(1, e.reasonCode());
                orderRejected.setString(2, e.message());
                orderRejected.setString(3, e.time().toString());
                orderRejected.setLong(4, e.sequence());
                orderRejected.setLong(5, e.orderId().value());
                expectOneRow(orderRejected, e);
            }
            case OrderFilled e -> fill(e);
            case OrderCancelled e -> {
                orderCancelled = prepare(orderCancelled, ORDER_CANCELLED);
                orderCancelled.setString(1, e.reason());
                orderCancelled.setString(2, e.time().toString());
                orderCancelled.setLong(3, e.sequence());
                orderCancelled.setLong(4, e.orderId().value());
                expectOneRow(orderCancelled, e);
            }
            case OrderModified e -> {
                orderModified = prepare(orderModified, ORDER_MODIFIED);
                orderModified.setLong(1, e.quantity());
                orderModified.setLong(2, e.limitPrice());
                orderModified.setLong(3, e.triggerPrice());
                orderModified.setString(4, e.time().toString());
                orderModified.setLong(5, e.sequence());
                orderModified.setLong(6, e.orderId().value());
                expectOneRow(orderModified, e);
            }
            case PositionChanged e -> position(e);
            case OrderCancelRequested e -> {
                orderCancelRequested = prepare(orderCancelRequested, ORDER_CANCEL_REQUESTED);
                orderCancelRequested.setString(1, e.reason());
                orderCancelRequested.setString(2, e.time().toString());
                orderCancelRequested.setLong(3, e.sequence());
                orderCancelRequested.setLong(4, e.orderId().value());
                expectOneRow(orderCancelRequested, e);
            }
            case AccountOpened e -> {
                accountOpened = prepare(accountOpened, ACCOUNT_OPENED);
                accountOpened.setString(1, e.account().value());
                accountOpened.setLong(2, e.initialCash());
                accountOpened.setString(3, e.time().toString());
                accountOpened.setLong(4, e.sequence());
                accountOpened.setLong(5, e.initialCash());
                accountOpened.executeUpdate();
            }
            case BotCreated e -> botCreated(e);
            case BotStateChanged e -> {
                botState = prepare(botState, BOT_STATE);
                botState.setString(1, e.current().name());
                botState.setString(2, e.reason());
                botState.setString(3, e.time().toString());
                botState.setLong(4, e.sequence());
                botState.setString(5, e.bot().value());
                expectOneRow(botState, e);
            }
            case RiskSessionChanged e -> {
                riskSession = prepare(riskSession, RISK_SESSION);
                riskSession.setString(1, e.account().value());
                riskSession.setString(2, e.tradeDate().toString());
                riskSession.setLong(3, e.baselineEquity());
                riskSession.setShort(4, (short) (e.dailyLossBreached() ? 1 : 0));
                riskSession.setShort(5, (short) (e.misSquaredOff() ? 1 : 0));
                riskSession.setString(6, e.time().toString());
                riskSession.setLong(7, e.sequence());
                riskSession.executeUpdate();
            }
            case AuditRecorded e -> audit(e);
            // Audit-only events: the journal row is their record.
            case TradingStateChanged e -> { }
            case RiskAlert e -> { }
            case RiskConfigChanged e -> { }
            case ClosingPriceRecorded e -> { }
        }
    }

    private void audit(AuditRecorded e) throws SQLException {
        AuditEntry a = e.entry();
        auditInsert = prepare(auditInsert, AUDIT_INSERT);
        auditInsert.setLong(1, e.sequence());
        auditInsert.setString(2, e.time().toString());
        auditInsert.setString(3, a.actor());
        auditInsert.setString(4, a.roles());
        auditInsert.setString(5, a.account().value());
        auditInsert.setString(6, a.action());
        auditInsert.setString(7, a.target());
        auditInsert.setString(8, a.outcome());
        auditInsert.setString(9, a.ip());
        auditInsert.setString(10, a.correlationId());
        auditInsert.setString(11, a.detail());
        auditInsert.executeUpdate();
    }

    private void botCreated(BotCreated e) throws SQLException {
        BotDefinition d = e.definition();
        String time = e.time().toString();
        botCreated = prepare(botCreated, BOT_CREATED);
        botCreated.setString(1, d.id().value());
        botCreated.setString(2, d.account().value());
        botCreated.setString(3, d.strategy());
        try {
            botCreated.setString(4, JSON.writeValueAsString(d.params()));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot write the parameters of bot " + d.id(), ex);
        }
        botCreated.setString(5, time);
        botCreated.setString(6, time);
        StringBuilder symbols = new StringBuilder();
        for (var symbol : d.symbols()) {
            symbols.append(symbols.isEmpty() ? "" : ",").append(symbol.value());
        }
        botCreated.setString(7, symbols.toString());
        botCreated.setLong(8, d.interval().length().toSeconds());
        botCreated.setString(9, "created by " + e.actor());
        botCreated.setLong(10, e.sequence());
        botCreated.executeUpdate();
    }

    private void upsertOrder(Order order, String reasonCode, String reason, long sequence) throws SQLException {
        orderUpsert = prepare(orderUpsert, ORDER_UPSERT);
        OrderRequest r = order.request();
        PreparedStatement s = orderUpsert;
        s.setLong(1, order.id().value());
        s.setString(2, r.account().value());
        s.setString(3, r.bot().value());
        s.setString(4, r.symbol().value());
        s.setString(5, r.side().name());
        s.setString(6, r.type().name());
        s.setString(7, r.product().name());
        s.setString(8, r.validity().name());
        s.setLong(9, r.quantity());
        s.setLong(10, r.limitPrice());
        s.setLong(11, r.triggerPrice());
        s.setLong(12, r.stopLossPrice());
        s.setString(13, r.tag());
        s.setShort(14, (short) (r.afterMarket() ? 1 : 0));
        s.setString(15, order.status().name());
        s.setString(16, order.venueOrderId());
        s.setLong(17, order.filledQuantity());
        s.setLong(18, order.filledValue());
        s.setString(19, reasonCode);
        s.setString(20, reason);
        s.setString(21, order.createdAt().toString());
        s.setString(22, order.updatedAt().toString());
        s.setLong(23, sequence);
        s.executeUpdate();
    }

    private void fill(OrderFilled e) throws SQLException {
        String time = e.time().toString();
        long value = Math.multiplyExact(e.quantity(), e.price());

        orderFilled = prepare(orderFilled, ORDER_FILLED);
        orderFilled.setString(1, (e.remaining() == 0 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED).name());
        orderFilled.setLong(2, e.filledQuantity());
        orderFilled.setLong(3, value);
        orderFilled.setString(4, time);
        orderFilled.setLong(5, e.sequence());
        orderFilled.setLong(6, e.orderId().value());
        expectOneRow(orderFilled, e);

        fillInsert = prepare(fillInsert, FILL_INSERT);
        fillInsert.setLong(1, e.sequence());
        fillInsert.setLong(2, e.orderId().value());
        fillInsert.setString(3, e.fillId());
        fillInsert.setString(4, e.account().value());
        fillInsert.setString(5, e.bot().value());
        fillInsert.setString(6, e.symbol().value());
        fillInsert.setString(7, e.side().name());
        fillInsert.setString(8, e.product().name());
        fillInsert.setLong(9, e.quantity());
        fillInsert.setLong(10, e.price());
        fillInsert.setLong(11, e.charges());
        fillInsert.setString(12, time);
        fillInsert.executeUpdate();

        long cash = Math.subtractExact(e.side() == Side.SELL ? value : Math.negateExact(value), e.charges());
        balanceCash = prepare(balanceCash, BALANCE_CASH);
        balanceCash.setString(1, e.account().value());
        balanceCash.setLong(2, cash);
        balanceCash.setLong(3, e.charges());
        balanceCash.setString(4, time);
        balanceCash.setLong(5, e.sequence());
        balanceCash.executeUpdate();
    }

    private void position(PositionChanged e) throws SQLException {
        String time = e.time().toString();
        balanceRealized = prepare(balanceRealized, BALANCE_REALIZED);
        balanceRealized.setString(1, e.account().value());
        balanceRealized.setLong(2, e.realizedPnl());
        balanceRealized.setString(3, e.account().value());
        balanceRealized.setString(4, e.symbol().value());
        balanceRealized.setString(5, e.product().name());
        balanceRealized.setString(6, time);
        balanceRealized.setLong(7, e.sequence());
        balanceRealized.executeUpdate();

        positionUpsert = prepare(positionUpsert, POSITION_UPSERT);
        positionUpsert.setString(1, e.account().value());
        positionUpsert.setString(2, e.symbol().value());
        positionUpsert.setString(3, e.product().name());
        positionUpsert.setLong(4, e.quantity());
        positionUpsert.setLong(5, e.costBasis());
        positionUpsert.setLong(6, e.averagePrice());
        positionUpsert.setLong(7, e.realizedPnl());
        positionUpsert.setString(8, e.bot().value());
        positionUpsert.setString(9, time);
        positionUpsert.setLong(10, e.sequence());
        positionUpsert.executeUpdate();
    }

    private PreparedStatement prepare(PreparedStatement existing, String sql) throws SQLException {
        if (existing != null) {
            return existing;
        }
        PreparedStatement statement = connection.prepareStatement(sql);
        open.add(statement);
        return statement;
    }

    // The journal row is the truth; a projection that cannot find its order is logged, not fatal, so
    // the journal keeps committing (the row can be rebuilt from the events).
    private static void expectOneRow(PreparedStatement statement, Event event) throws SQLException {
        if (statement.executeUpdate() != 1) {
            LOG.warn("projection: event {} ({}) names a row its table does not hold", event.sequence(),
                    EventCodec.typeName(event));
        }
    }

    @Override
    public void close() throws SQLException {
        SQLException first = null;
        for (PreparedStatement statement : open) {
            try {
                statement.close();
            } catch (SQLException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
