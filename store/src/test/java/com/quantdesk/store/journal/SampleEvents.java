package com.quantdesk.store.journal;

import com.quantdesk.core.audit.AuditEntry;
import com.quantdesk.core.bot.BotDefinition;
import com.quantdesk.core.bot.BotState;
import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.OrderId;
import com.quantdesk.core.domain.OrderType;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.domain.Validity;
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
import com.quantdesk.core.market.BarInterval;
import com.quantdesk.core.order.Order;
import com.quantdesk.core.order.OrderRequest;
import com.quantdesk.core.order.OrderStatus;
import com.quantdesk.core.risk.TradingState;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Events for journal tests: a coherent story that uses every event type, and bulk order flow. */
public final class SampleEvents {

    static final AccountId ACCOUNT = AccountId.of("acc-1");
    static final BotId BOT = BotId.of("sma.bot_1");
    static final Instant T0 = Instant.parse("2026-11-23T03:45:00.123456789Z");

    private SampleEvents() {
    }

    /**
     * One of every event type, sequences {@code 1..18}: order 1 is modified, partly filled and
     * cancelled, order 2 rejected, order 3 denied, then risk and state events, the account, a bot,
     * a late cancel request for order 1, a risk session and a closing price.
     */
    static List<Event> everyType() {
        Symbol mm = Symbol.of("M&M");
        OrderRequest request = new OrderRequest(ACCOUNT, BOT, mm, Side.BUY, OrderType.SL, Product.MIS,
                Validity.DAY, 100, 2_950_05, 2_949_00, 2_900_00, "tag \"quoted\" ✓", true);
        Order submitted = Order.create(OrderId.of(1), request, T0).moveTo(OrderStatus.SUBMITTED, T0);
        Order second = Order.create(OrderId.of(2),
                OrderRequest.market(ACCOUNT, BotId.NONE, Symbol.of("BAJAJ-AUTO"), Side.SELL, 5, Product.CNC), T0)
                .moveTo(OrderStatus.SUBMITTED, T0);
        Order denied = Order.create(OrderId.of(3),
                OrderRequest.limit(ACCOUNT, BOT, Symbol.of("INFY"), Side.BUY, 1_000_000, 1_500_00, Product.CNC)
                        .withValidity(Validity.IOC), T0.plusNanos(1)).moveTo(OrderStatus.DENIED, T0.plusNanos(1));
        List<Event> events = new ArrayList<>();
        events.add(new OrderSubmitted(1, T0, ACCOUNT, BOT, 1, submitted));
        events.add(new OrderAccepted(2, T0.plusMillis(3), ACCOUNT, BOT, 1, OrderId.of(1), "250101000012345"));
        events.add(new OrderModified(3, T0.plusMillis(4), ACCOUNT, BOT, 1, OrderId.of(1), 120, 2_951_00, 2_950_00));
        events.add(new OrderFilled(4, T0.plusMillis(5), ACCOUNT, BOT, 1, OrderId.of(1), "T-77", mm, Side.BUY,
                Product.MIS, 40, 2_950_55, 31_07, 40, 80));
        events.add(new PositionChanged(5, T0.plusMillis(5), ACCOUNT, BOT, 1, mm, Product.MIS, 40, 118_022_00,
                2_950_55, 0));
        events.add(new OrderCancelled(6, T0.plusSeconds(1), ACCOUNT, BOT, 1, OrderId.of(1), 80, "requested"));
        events.add(new OrderSubmitted(7, T0.plusSeconds(2), ACCOUNT, BotId.NONE, 2, second));
        events.add(new OrderRejected(8, T0.plusSeconds(2), ACCOUNT, BotId.NONE, 2, OrderId.of(2), "VENUE_NO_HOLDINGS",
                "no holdings\nto sell"));
        events.add(new OrderDenied(9, T0.plusSeconds(3), ACCOUNT, BOT, 3, denied, "RISK_MAX_ORDER_VALUE",
                "order value ₹15,00,00,000 above ₹10,00,000", 10_00_000_00L, Long.MAX_VALUE));
        events.add(new TradingStateChanged(10, T0.plusSeconds(4), AccountId.SYSTEM, BotId.NONE, 9,
                TradingState.ACTIVE, TradingState.HALTED, "kill switch", "ops@desk"));
        events.add(new RiskAlert(11, T0.plusSeconds(4), ACCOUNT, BOT, 0, "RISK_MAX_DAILY_LOSS",
                "daily loss -₹52,000.00 beyond -₹50,000.00"));
        events.add(new RiskConfigChanged(12, Instant.EPOCH, ACCOUNT, BotId.NONE, 10, "limits", "{\"maxOrders\":5}",
                "{\"maxOrders\":-9223372036854775808}", "admin"));
        events.add(new AccountOpened(13, T0.plusSeconds(5), ACCOUNT, BotId.NONE, 0, 10_00_000_00L));
        events.add(new BotCreated(14, T0.plusSeconds(5), ACCOUNT, BOT, 0, new BotDefinition(BOT, ACCOUNT, "sma-cross",
                Map.of("fast", "5", "slow", "20", "note", "a \"b\" ✓"), List.of(mm, Symbol.of("INFY")),
                BarInterval.FIVE_MINUTES), "ops@desk"));
        events.add(new BotStateChanged(15, T0.plusSeconds(5), ACCOUNT, BOT, 0, BotState.STOPPED, BotState.RUNNING,
                "bot start", "ops@desk"));
        events.add(new OrderCancelRequested(16, T0.plusSeconds(6), ACCOUNT, BOT, 1, OrderId.of(1), "bot stopped"));
        events.add(new RiskSessionChanged(17, T0.plusSeconds(7), ACCOUNT, BotId.NONE, 0, LocalDate.of(2026, 11, 23),
                9_99_876_54L, true, false));
        events.add(new ClosingPriceRecorded(18, T0.plusSeconds(8), AccountId.SYSTEM, BotId.NONE, 0, mm,
                LocalDate.of(2026, 11, 23), 2_955_10));
        events.add(new AuditRecorded(19, T0.plusSeconds(9), ACCOUNT, BotId.NONE, 1, new AuditEntry("asha",
                "TRADER,VIEWER", ACCOUNT, "order.place", "1", "201", "10.0.0.7", "c-1f2e", "Idempotency-Key \"k1\" ✓")));
        return events;
    }

    /**
     * {@code count} events of plain order flow starting at {@code firstSequence}: submitted,
     * accepted, filled, position changed, repeated (a buy then a sell of one share of RELIANCE).
     */
    public static List<Event> orderFlow(long firstSequence, int count) {
        List<Event> events = new ArrayList<>(count);
        Symbol symbol = Symbol.of("RELIANCE");
        long sequence = firstSequence;
        long position = 0;
        long costBasis = 0;
        long realized = 0;
        while (events.size() < count) {
            long id = sequence;
            Side side = position == 0 ? Side.BUY : Side.SELL;
            long price = 2_500_00 + (id % 100);
            Instant time = T0.plusMillis(sequence);
            Order order = Order.create(OrderId.of(id),
                    OrderRequest.market(ACCOUNT, BOT, symbol, side, 1, Product.MIS), time)
                    .moveTo(OrderStatus.SUBMITTED, time);
            if (side == Side.BUY) {
                position = 1;
                costBasis = price;
            } else {
                realized += price - costBasis;
                position = 0;
                costBasis = 0;
            }
            List<Event> cycle = List.of(
                    new OrderSubmitted(sequence, time, ACCOUNT, BOT, id, order),
                    new OrderAccepted(sequence + 1, time, ACCOUNT, BOT, id, OrderId.of(id), "V" + id),
                    new OrderFilled(sequence + 2, time, ACCOUNT, BOT, id, OrderId.of(id), "F" + id, symbol, side,
                            Product.MIS, 1, price, 20, 1, 0),
                    new PositionChanged(sequence + 3, time, ACCOUNT, BOT, id, symbol, Product.MIS, position, costBasis,
                            costBasis, realized));
            for (Event event : cycle) {
                if (events.size() < count) {
                    events.add(event);
                }
            }
            sequence += cycle.size();
        }
        return events;
    }
}
