package com.quantdesk.bench;

import com.quantdesk.core.command.CommandResult;
import com.quantdesk.core.command.SubmitOrder;
import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.Bar;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.OrderId;
import com.quantdesk.core.domain.OrderType;
import com.quantdesk.core.domain.Paise;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.domain.Validity;
import com.quantdesk.core.engine.BrokerGateway;
import com.quantdesk.core.engine.ExecutionReports;
import com.quantdesk.core.engine.PreTradeDecision;
import com.quantdesk.core.engine.TradingEngine;
import com.quantdesk.core.order.Order;
import com.quantdesk.core.order.OrderRequest;
import com.quantdesk.core.risk.RiskEngine;
import com.quantdesk.core.risk.RiskLimits;
import com.quantdesk.core.risk.TradingState;
import com.quantdesk.core.time.ManualClock;
import com.quantdesk.sim.data.InstrumentMaster;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One order through every pre-trade rule of {@link RiskEngine} with {@link RiskLimits#defaults()}:
 * {@code riskEngine.check(request, engine)}, exactly what {@code TradingEngine.submit} calls for each
 * order, without the engine's own admission checks, the order events or the venue.
 *
 * <p>The engine is set up as on a trading morning: a {@link ManualClock} at 10:00 IST on Monday
 * 2026-01-05, ten NIFTY 50 symbols with a previous session's bars (for the price band) and 45
 * one-minute bars today (for the ATR), one account with ₹10 lakh, five open positions over four
 * sectors (CNC and MIS, one short) and four resting limit orders (one of them on the other side of a
 * benchmarked symbol, so the self-cross rule compares prices). The set-up orders go through the risk
 * engine too, and are filled through the engine's execution reports.
 *
 * <p>{@code allowed*} rotates over eight orders (buys and sells, market and limit, CNC and MIS, new
 * and existing positions, with and without a bot and a stop) that every rule lets through, so all
 * thirteen rules run to the end. {@code deniedLast*} rotates over four orders that pass the first
 * twelve rules and are denied by the last, risk per trade, so the time includes building the
 * denial's message. {@code check} does not record the order (only an {@code OrderSubmitted} event
 * does), so repeating the same orders never trips the rate or duplicate rules; the set-up checks
 * every decision and fails the run if one is not what it should be.
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class RiskCheckBenchmark {

    static final AccountId ACCOUNT = AccountId.of("bench");
    static final BotId BOT = BotId.of("bench-bot");
    /** 10:00 IST. */
    static final Instant NOW = Instant.parse("2026-01-05T04:30:00Z");
    /** 09:15 IST on the previous session, Friday 2026-01-02. */
    static final Instant PREVIOUS_OPEN = Instant.parse("2026-01-02T03:45:00Z");
    /** 09:15 IST today. */
    static final Instant OPEN = Instant.parse("2026-01-05T03:45:00Z");
    static final int PREVIOUS_BARS = 20;
    static final int TODAY_BARS = 45;
    /** Today's bar after which the set-up orders are placed (09:34 IST). */
    static final int ORDERS_AFTER_BAR = 19;

    /** Last price of each symbol at 10:00 (today's last bar closes here), rupees. */
    static final Map<Symbol, Long> RUPEES = new LinkedHashMap<>();

    static {
        RUPEES.put(Symbol.of("RELIANCE"), 1_500L);   // Oil Gas & Consumable Fuels
        RUPEES.put(Symbol.of("HDFCBANK"), 1_000L);   // Financial Services
        RUPEES.put(Symbol.of("ICICIBANK"), 1_350L);  // Financial Services
        RUPEES.put(Symbol.of("SBIN"), 980L);         // Financial Services
        RUPEES.put(Symbol.of("INFY"), 1_600L);       // Information Technology
        RUPEES.put(Symbol.of("TCS"), 3_200L);        // Information Technology
        RUPEES.put(Symbol.of("ITC"), 400L);          // Fast Moving Consumer Goods
        RUPEES.put(Symbol.of("LT"), 4_000L);         // Construction
        RUPEES.put(Symbol.of("BHARTIARTL"), 2_100L); // Telecommunication
        RUPEES.put(Symbol.of("MARUTI"), 16_500L);    // Automobile and Auto Components
    }

    private RiskEngine riskEngine;
    private TradingEngine engine;
    private OrderRequest[] allowed;
    private OrderRequest[] deniedLast;
    private int next;

    /** Builds the engine and the orders, and checks every decision once. */
    @Setup(Level.Trial)
    public void setUp() {
        Map<Symbol, Long> paise = new LinkedHashMap<>();
        RUPEES.forEach((s, r) -> paise.put(s, Paise.ofRupees(r)));
        InstrumentMaster instruments = InstrumentMaster.nifty50(paise);
        ManualClock clock = new ManualClock(PREVIOUS_OPEN);
        AcceptingGateway gateway = new AcceptingGateway();
        engine = new TradingEngine(clock, gateway, instruments::find);
        riskEngine = new RiskEngine(RiskLimits.defaults());
        engine.attachRisk(riskEngine);
        engine.openAccount(ACCOUNT, Paise.ofRupees(10_00_000));

        // The previous session closes 1% below today's prices: the band's reference.
        replay(clock, PREVIOUS_OPEN, 0, PREVIOUS_BARS, 99);
        replay(clock, OPEN, 0, ORDERS_AFTER_BAR + 1, 100);

        // 09:34:05 IST onwards, five seconds apart (the limit is 10 orders a second).
        Instant at = OPEN.plus(Duration.ofMinutes(ORDERS_AFTER_BAR)).plusSeconds(5);
        Filler fill = new Filler(engine, clock, at);
        fill.filled(limit("RELIANCE", Side.BUY, 60, 1_500, Product.CNC));
        fill.filled(limit("HDFCBANK", Side.BUY, 80, 1_000, Product.CNC));
        fill.filled(limit("ITC", Side.BUY, 200, 400, Product.CNC));
        fill.filled(limit("INFY", Side.BUY, 50, 1_600, Product.MIS));
        fill.filled(limit("TCS", Side.SELL, 20, 3_200, Product.MIS));
        fill.resting(limit("SBIN", Side.BUY, 100, 970, Product.CNC));
        fill.resting(limit("ICICIBANK", Side.SELL, 50, 1_370, Product.MIS));
        fill.resting(limit("LT", Side.BUY, 20, 3_950, Product.MIS));
        fill.resting(limit("RELIANCE", Side.SELL, 30, 1_530, Product.CNC)); // take-profit: reduces

        replay(clock, OPEN, ORDERS_AFTER_BAR + 1, TODAY_BARS, 100);
        clock.set(NOW);
        engine.onTime();

        allowed = new OrderRequest[] {
            limit("RELIANCE", Side.BUY, 20, 1_498, Product.CNC),           // adds to a position
            limit("ICICIBANK", Side.BUY, 40, 1_345, Product.MIS),          // below own resting sell at 1,370
            market("TCS", Side.SELL, 10, Product.MIS).forBot(ACCOUNT, BotId.NONE), // adds to a short, manual
            limit("BHARTIARTL", Side.BUY, 30, 2_100, Product.CNC).withStopLoss(Paise.ofRupees(2_050)),
            market("MARUTI", Side.BUY, 5, Product.CNC),                    // new position, ATR stop
            limit("INFY", Side.BUY, 25, 1_600, Product.MIS).forBot(ACCOUNT, BotId.NONE),
            limit("LT", Side.SELL, 10, 4_010, Product.MIS),                // above own resting buy at 3,950
            limit("SBIN", Side.BUY, 50, 975, Product.CNC),                 // with a resting buy of 100
        };
        // Each risks more than 2% of equity (₹20,000) to its stop; everything else is within limits.
        deniedLast = new OrderRequest[] {
            limit("BHARTIARTL", Side.BUY, 80, 2_100, Product.CNC).withStopLoss(Paise.ofRupees(1_800)),
            market("MARUTI", Side.BUY, 10, Product.CNC).withStopLoss(Paise.ofRupees(14_000)),
            limit("ITC", Side.BUY, 200, 400, Product.CNC).withStopLoss(Paise.ofRupees(280)),
            limit("LT", Side.SELL, 30, 4_010, Product.MIS).withStopLoss(Paise.ofRupees(4_800)),
        };
        verify();
    }

    private void verify() {
        if (engine.portfolio(ACCOUNT).openPositions().size() != 5 || engine.openOrders(ACCOUNT).size() != 4
                || engine.tradingState(ACCOUNT, BOT) != TradingState.ACTIVE) {
            throw new IllegalStateException("set-up: expected 5 positions, 4 resting orders, ACTIVE; have "
                    + engine.portfolio(ACCOUNT).openPositions() + ", " + engine.openOrders(ACCOUNT) + ", "
                    + engine.tradingState(ACCOUNT, BOT));
        }
        long loss = riskEngine.dailyLoss(ACCOUNT);
        if (loss != 0) {
            throw new IllegalStateException("set-up: today's loss should be 0 at 10:00, is " + Paise.format(loss));
        }
        for (int round = 0; round < 2; round++) {
            for (OrderRequest r : allowed) {
                expect(r, "");
            }
            for (OrderRequest r : deniedLast) {
                expect(r, "RISK_MAX_RISK_PER_TRADE");
            }
        }
    }

    private void expect(OrderRequest request, String reasonCode) {
        if (engine.reducesExposure(request)) {
            throw new IllegalStateException("set-up: " + request + " only reduces exposure, so most rules skip it");
        }
        PreTradeDecision decision = riskEngine.check(request, engine);
        if (!decision.reasonCode().equals(reasonCode) || decision.allowed() != reasonCode.isEmpty()) {
            throw new IllegalStateException("set-up: " + request + " should be "
                    + (reasonCode.isEmpty() ? "allowed" : "denied with " + reasonCode) + ", was " + decision);
        }
    }

    /** One allowed order through all thirteen rules; ops/s is checks per second. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public PreTradeDecision allowedThroughput() {
        return riskEngine.check(allowed[next++ & 7], engine);
    }

    /** The same, each call timed: p50, p99, p99.9 of one check. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public PreTradeDecision allowedLatency() {
        return riskEngine.check(allowed[next++ & 7], engine);
    }

    /** One order denied by the last rule (risk per trade), message included; ops/s. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public PreTradeDecision deniedLastThroughput() {
        return riskEngine.check(deniedLast[next++ & 3], engine);
    }

    /** The same, each call timed. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public PreTradeDecision deniedLastLatency() {
        return riskEngine.check(deniedLast[next++ & 3], engine);
    }

    // ---------------------------------------------------------------- set-up helpers

    /**
     * Today's (or the previous session's) one-minute bars {@code from} until {@code to} of every
     * symbol, oscillating around {@code percent}% of its price and closing there on the last bar of
     * the session part. The engine clock is moved to each minute and woken after its bars, as a live
     * engine's timer would be: a backtest wakes it before, which with the default limits fires the
     * stale-data kill switch at the first bar after the weekend (backtests set staleDataAfter to 0).
     */
    private void replay(ManualClock clock, Instant sessionOpen, int from, int to, int percent) {
        int last = sessionOpen.equals(OPEN) ? TODAY_BARS - 1 : PREVIOUS_BARS - 1;
        for (int i = from; i < to; i++) {
            Instant time = sessionOpen.plus(Duration.ofMinutes(i));
            clock.set(time);
            for (Map.Entry<Symbol, Long> e : RUPEES.entrySet()) {
                long base = Paise.ofRupees(e.getValue()) * percent / 100;
                engine.onBar(bar(e.getKey(), time, base, i, i == last));
            }
            engine.onTime();
        }
    }

    private static Bar bar(Symbol symbol, Instant time, long base, int i, boolean last) {
        long step = base / 2_000;
        long open = i == 0 ? base : base + ((i - 1) * 37 % 9 - 4) * step;
        long close = last ? base : base + (i * 37 % 9 - 4) * step;
        long range = base / 1_000;
        return new Bar(symbol, time, open, Math.max(open, close) + range, Math.min(open, close) - range, close,
                10_000);
    }

    static OrderRequest limit(String symbol, Side side, long quantity, long rupees, Product product) {
        return new OrderRequest(ACCOUNT, BOT, Symbol.of(symbol), side, OrderType.LIMIT, product, Validity.DAY,
                quantity, Paise.ofRupees(rupees), 0, 0, "bench");
    }

    static OrderRequest market(String symbol, Side side, long quantity, Product product) {
        return OrderRequest.market(ACCOUNT, BOT, Symbol.of(symbol), side, quantity, product);
    }

    /** Places the set-up orders through the engine (and so through the risk engine), five seconds apart. */
    private static final class Filler {

        private final TradingEngine engine;
        private final ManualClock clock;
        private Instant at;

        Filler(TradingEngine engine, ManualClock clock, Instant start) {
            this.engine = engine;
            this.clock = clock;
            this.at = start;
        }

        OrderId place(OrderRequest request) {
            clock.set(at);
            at = at.plusSeconds(5);
            CommandResult result = engine.execute(new SubmitOrder(request));
            if (!result.accepted()) {
                throw new IllegalStateException("set-up order " + request + " refused: " + result);
            }
            return result.orderId().orElseThrow();
        }

        /** An order filled in full at its limit price, without charges. */
        void filled(OrderRequest request) {
            OrderId id = place(request);
            engine.reports().filled(id, "F" + id.value(), request.quantity(), request.limitPrice(), 0);
        }

        /** An order left open at the venue. */
        void resting(OrderRequest request) {
            place(request);
        }
    }

    /** A venue that acknowledges every order at once and never fills by itself. */
    private static final class AcceptingGateway implements BrokerGateway {

        private ExecutionReports reports;

        @Override
        public void connect(ExecutionReports executionReports) {
            this.reports = executionReports;
        }

        @Override
        public void submit(Order order) {
            reports.accepted(order.id(), "V" + order.id().value());
        }

        @Override
        public void cancel(Order order) {
            reports.cancelled(order.id(), "cancelled on request");
        }

        @Override
        public void modify(Order order, long quantity, long limitPrice, long triggerPrice) {
            reports.modified(order.id(), quantity, limitPrice, triggerPrice);
        }
    }
}
