package com.quantdesk.core.risk;

import static com.quantdesk.core.risk.PropsDesk.ACC;
import static com.quantdesk.core.risk.PropsDesk.ALPHA;
import static com.quantdesk.core.risk.PropsDesk.BETA;
import static com.quantdesk.core.risk.PropsDesk.GAMMA;
import static com.quantdesk.core.risk.PropsDesk.HDFC;
import static com.quantdesk.core.risk.PropsDesk.INFY;
import static com.quantdesk.core.risk.PropsDesk.OTHER;
import static com.quantdesk.core.risk.PropsDesk.TCS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.quantdesk.core.command.ActivateKillSwitch;
import com.quantdesk.core.command.CancelOrder;
import com.quantdesk.core.command.CommandResult;
import com.quantdesk.core.command.ResetKillSwitch;
import com.quantdesk.core.command.SetTradingState;
import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.OrderId;
import com.quantdesk.core.domain.OrderType;
import com.quantdesk.core.domain.Paise;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.event.Event;
import com.quantdesk.core.event.OrderCancelled;
import com.quantdesk.core.event.OrderFilled;
import com.quantdesk.core.event.OrderRejected;
import com.quantdesk.core.event.OrderSubmitted;
import com.quantdesk.core.order.OrderRequest;
import com.quantdesk.core.time.MarketTime;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * No sequence of orders, prices, fills, cancels, rejects, clock ticks and operator commands takes an
 * account past a limit the pre-trade checks promise to keep.
 *
 * <p>Prices move after an order is accepted, so most limits cannot be invariants of the account's
 * state: a position accepted at ₹1,00,000 may be worth ₹1,08,000 a bar later. What the checks do
 * guarantee is a statement about the moment of acceptance, measured at the order's reference price
 * (limit, else trigger, else last price) against the account as it stood then. The test keeps its
 * own model of positions, cash, last prices, working orders and submissions (from the engine's
 * events) and, for every order the engine accepts, re-derives each promise from that model.
 *
 * <p>"Reducing" is judged on the symbol's net position across CNC and MIS, as exposure is, so an order
 * the exposure rules skip can only shrink the net position if everything on its side fills.
 *
 * <p>Safety alone is kept by an engine that denies everything, so the test also asks for the converse
 * where it can: a denial for a limit the model re-derives must be one the model agrees with; under every
 * example's limits a fresh desk accepts a one-share order from each trader; and over the whole run a
 * share of the orders is accepted and the sector, leverage and funds limits deny some (they are drawn so
 * that they bind).
 */
class RiskInvariantsPropertyTest {

    private static final List<Symbol> SYMBOLS = List.of(INFY, TCS, HDFC);
    private static final Map<Symbol, Long> BASE = Map.of(INFY, 1_500_00L, TCS, 3_500_00L, HDFC, 1_600_00L);
    private static final List<AccountId> ACCOUNTS = List.of(ACC, OTHER);
    /** Who places orders: two bots and a person on one account, one bot on the other. */
    private static final List<Object[]> TRADERS = List.of(new Object[] {ACC, ALPHA}, new Object[] {ACC, BETA},
            new Object[] {ACC, BotId.NONE}, new Object[] {OTHER, GAMMA});
    private static final long FILL_CHARGES = 20_00;

    // ------------------------------------------------------------------ steps

    sealed interface Step permits NewBar, Place, Fill, Cancel, Reject, Wait, ToCutoff, NextDay, Operator {
    }

    /** A bar at the clock's time, the close {@code moveBps} away from the last price (kept within ±8% of the base). */
    record NewBar(int symbol, int moveBps) implements Step {
    }

    /** An order: limit/trigger {@code offsetBps} from the last price; a protective stop {@code stopBps} away, or none. */
    record Place(int trader, int symbol, Side side, int quantity, OrderType type, Product product, int offsetBps,
                 int stopBps) implements Step {
    }

    /** The venue fills {@code percent} of a working order's remainder. */
    record Fill(int pick, int percent, int offsetBps) implements Step {
    }

    record Cancel(int pick) implements Step {
    }

    /** The venue refuses a working order that has not traded. */
    record Reject(int pick) implements Step {
    }

    /** The clock moves on by some seconds and the engine is ticked. */
    record Wait(int seconds) implements Step {
    }

    /** The clock jumps to some seconds after 15:20 IST (the MIS cut-off) and the engine is ticked. */
    record ToCutoff(int seconds) implements Step {
    }

    /** The clock jumps to the next weekday's open plus some seconds and the engine is ticked. */
    record NextDay(int seconds) implements Step {
    }

    /** An operator: kill switch (with or without flatten), reset, or REDUCING, on some scope. */
    record Operator(int action, int scope) implements Step {
    }

    static Gen<List<Step>> steps() {
        Gen<Step> bar = integers().between(0, 2).zip(integers().between(-300, 300), NewBar::new);
        record Kind(Side side, Product product) {
        }
        // A CNC sell needs holdings: one order in eight is one, so that most orders may add exposure.
        Gen<Kind> kinds = Generate.frequency(List.of(Pair.of(3, Generate.constant(new Kind(Side.BUY, Product.CNC))),
                Pair.of(1, Generate.constant(new Kind(Side.SELL, Product.CNC))),
                Pair.of(2, Generate.constant(new Kind(Side.BUY, Product.MIS))),
                Pair.of(2, Generate.constant(new Kind(Side.SELL, Product.MIS)))));
        // Half the quantities small, so that orders also fit the tighter limits.
        Gen<Place> who = kinds.zip(integers().between(0, TRADERS.size() - 1), integers().between(0, 2),
                Generate.oneOf(integers().between(1, 200), integers().between(1, 40)),
                (kind, trader, symbol, quantity) -> new Place(trader, symbol, kind.side(), quantity, OrderType.MARKET,
                        kind.product(), 0, 0));
        Gen<Integer> stopBps = Generate.oneOf(Generate.constant(0), integers().between(50, 800));
        Gen<Step> place = who.zip(arbitrary().pick(OrderType.MARKET, OrderType.LIMIT, OrderType.SL_M),
                integers().between(-600, 600), stopBps,
                (p, type, offsetBps, stop) -> new Place(p.trader(), p.symbol(), p.side(), p.quantity(), type,
                        p.product(), offsetBps, stop));
        Gen<Step> fill = integers().between(0, 20).zip(integers().between(1, 100), integers().between(-100, 100),
                Fill::new);
        Gen<Step> cancel = integers().between(0, 20).map(Cancel::new);
        Gen<Step> reject = integers().between(0, 20).map(Reject::new);
        Gen<Step> wait = integers().between(0, 90).map(Wait::new);
        Gen<Step> cutoff = integers().between(0, 599).map(ToCutoff::new);
        Gen<Step> nextDay = integers().between(0, 300).map(NextDay::new);
        Gen<Step> operator = integers().between(0, 3).zip(integers().between(0, 4), Operator::new);
        Gen<Step> step = Generate.frequency(List.of(Pair.of(14, bar), Pair.of(30, place), Pair.of(16, fill),
                Pair.of(4, cancel), Pair.of(3, reject), Pair.of(10, wait), Pair.of(2, cutoff), Pair.of(2, nextDay),
                Pair.of(1, operator)));
        return lists().of(step).ofSizeBetween(0, 100);
    }

    /** Twenty-two knobs from which the accounts' cash and limits and alpha's bot limits are drawn (0 is tight). */
    static Gen<int[]> knobs() {
        return Generate.intArrays(Generate.constant(22), integers().between(0, 9_999));
    }

    /**
     * An account's limits from knobs {@code offset..offset+7} and {@code extra..extra+2}. One account in two
     * is "wide": little cash (see {@link #cash}) and per-order and per-symbol limits loose enough to let
     * its book grow past its equity, so that the leverage and funds limits bind; the others, with
     * ₹10,00,000, are held back by the per-order and per-symbol limits first, and by the sector limit.
     */
    private static RiskLimits limits(int[] k, int offset, int extra) {
        boolean wide = k[extra + 2] % 2 == 0;
        Map<String, String> m = new LinkedHashMap<>();
        m.put("maxOrderQuantity", Integer.toString(wide ? 100 + k[offset] % 301 : 20 + k[offset] % 381));
        m.put("maxOrderValue", Long.toString(wide ? 2_00_000 + 100L * (k[offset + 1] % 9_001)
                : 20_000 + 100L * (k[offset + 1] % 4_801)));
        m.put("maxOpenPositions", Integer.toString(1 + k[offset + 2] % 3));
        m.put("maxPositionValue", Long.toString(wide ? 1_00_000 + 800L * (k[offset + 3] % 3_701)
                : 30_000 + 100L * (k[offset + 3] % 3_701)));
        m.put("maxConcentrationBps", Integer.toString(wide ? 10_000 + 16 * (k[offset + 4] % 2_501)
                : 500 + k[offset + 4] % 2_501));
        m.put("maxRiskPerTradeBps", Integer.toString(wide ? 200 + k[extra + 1] / 5 % 801 : 200));
        m.put("maxDailyLoss", Long.toString(wide ? 5_000 + 10L * (k[offset + 5] % 4_501)
                : 500 + k[offset + 5] % 4_501));
        m.put("dailyLossState", k[offset + 6] % 2 == 0 ? "REDUCING" : "HALTED");
        m.put("killOnDailyLoss", Boolean.toString(k[offset + 6] % 5 == 0));
        m.put("maxOrdersPerSecond", Integer.toString(1 + k[offset + 7] % 4));
        m.put("maxOrdersPerMinute", Integer.toString(3 + k[offset + 7] % 10));
        m.put("maxOrdersPerDay", Integer.toString(10 + k[offset + 5] % 31));
        m.put("maxTradesPerBotPerDay", Integer.toString(3 + k[offset + 4] % 18));
        m.put("rejectSpikeCount", Integer.toString(k[offset + 3] % 5));
        m.put("maxSectorExposureBps", Integer.toString(wide ? 10_000 + 8 * (k[extra] % 3_501)
                : 500 + k[extra] % 3_501));
        m.put("misLeverage", Integer.toString(1 + k[extra + 1] % 5));
        return PropsDesk.quietDefaults().with(m);
    }

    /** A wide account starts with ₹20,000 to ₹3,00,000, the others with ₹10,00,000. */
    private static long cash(int[] k, int extra) {
        return k[extra + 2] % 2 == 0 ? Paise.ofRupees(20_000 + 50L * (k[extra + 2] / 2 % 5_601)) : PropsDesk.CASH;
    }

    private static BotLimits alphaLimits(int[] k) {
        return k[14] % 3 == 0 ? BotLimits.NONE
                : new BotLimits(10 + k[14] % 200, Paise.ofRupees(10_000 + k[15] % 2_00_000),
                        Paise.ofRupees(20_000 + k[15] % 1_50_000), 2 + k[15] % 12);
    }

    // ------------------------------------------------------------------ the property

    /**
     * Of all orders placed in a run of examples, at least this share is accepted. The engine accepts 17% to
     * 20% (40 runs of 200 examples, 3,300 to 4,000 orders each); a rule that denied every order it applies
     * to brings the share to 0, as every order that could later reduce a position needs one that opened it.
     */
    private static final double MIN_ACCEPTED_SHARE = 0.12;
    /** Orders the sector, leverage and funds limits deny in a run at the least: 105 to 180 in the same runs. */
    private static final int MIN_DENIED_BY_SECTOR_LEVERAGE_OR_FUNDS = 40;

    @Test
    void noSequenceTakesAnAccountPastALimitWhileTheEngineCallsItActive() {
        assertThat(SYMBOLS.stream().map(s -> PropsDesk.instrument(s).sector()).distinct().count())
                .as("two of the symbols share a sector, so that the sector limit adds something")
                .isLessThan(SYMBOLS.size());
        Tally tally = new Tally();
        // Each example replays a whole sequence: a bounded number of shrink cycles keeps a failure's report quick.
        qt().withExamples(200).withShrinkCycles(1_000).forAll(knobs(), steps())
                .checkAssert((knobs, steps) -> noSequenceTakesAnAccountPastALimit(knobs, steps, tally));

        assertThat(tally.placed).as("orders placed in all examples").isGreaterThan(2_000);
        assertThat((double) tally.accepted / tally.placed).as("share of orders accepted: " + tally)
                .isGreaterThanOrEqualTo(MIN_ACCEPTED_SHARE);
        assertThat(tally.denied("RISK_SECTOR_EXPOSURE") + tally.denied("RISK_LEVERAGE")
                + tally.denied("RISK_INSUFFICIENT_FUNDS"))
                .as("orders denied by the sector, leverage and funds limits, which must bind: " + tally)
                .isGreaterThanOrEqualTo(MIN_DENIED_BY_SECTOR_LEVERAGE_OR_FUNDS);
    }

    private static void noSequenceTakesAnAccountPastALimit(int[] knobs, List<Step> steps, Tally tally) {
        assertEveryTraderMayBuyOneShare(knobs);
        Run run = new Run(riskEngine(knobs), startingCash(knobs), tally);
        for (Step step : steps) {
            run.apply(step);
        }
    }

    private static RiskEngine riskEngine(int[] knobs) {
        return new RiskEngine(PropsDesk.quietDefaults())
                .withLimits(ACC, limits(knobs, 0, 16)).withLimits(OTHER, limits(knobs, 7, 19))
                .withBotLimits(ALPHA, alphaLimits(knobs));
    }

    private static Map<AccountId, Long> startingCash(int[] knobs) {
        return Map.of(ACC, cash(knobs, 16), OTHER, cash(knobs, 19));
    }

    /**
     * However tight an example's limits, they leave room to trade: on a fresh desk at the open every trader
     * may buy one share of HDFCBANK intraday with a stop 1% away (one order a second, so that no rate
     * limit is reached).
     */
    private static void assertEveryTraderMayBuyOneShare(int[] knobs) {
        Map<AccountId, Long> cash = startingCash(knobs);
        PropsDesk desk = new PropsDesk(riskEngine(knobs), cash.get(ACC), cash.get(OTHER))
                .open(BASE.get(INFY), BASE.get(TCS), BASE.get(HDFC));
        for (Object[] trader : TRADERS) {
            OrderRequest oneShare = OrderRequest.market((AccountId) trader[0], (BotId) trader[1], HDFC, Side.BUY, 1,
                    Product.MIS).withStopLoss(BASE.get(HDFC) * 99 / 100);
            CommandResult result = desk.submit(oneShare);
            assertThat(result.accepted()).as(oneShare + " -> " + result).isTrue();
            desk.clock.set(desk.clock.instant().plusSeconds(1));
        }
    }

    /** What the engine answered to the orders of all examples. */
    static final class Tally {

        int placed;
        int accepted;
        final Map<String, Integer> denials = new TreeMap<>();

        int denied(String reasonCode) {
            return denials.getOrDefault(reasonCode, 0);
        }

        @Override
        public String toString() {
            return accepted + " of " + placed + " accepted, denied " + denials;
        }
    }

    /** One generated sequence against a fresh desk, with the test's own model of the accounts. */
    private static final class Run {

        final PropsDesk desk;
        final RiskEngine risk;
        /** account → symbol → product → signed quantity. */
        final Map<AccountId, Map<Symbol, long[]>> quantity = new HashMap<>();
        final Map<BotId, Map<Symbol, Long>> botQuantity = new HashMap<>();
        final Map<Symbol, Long> last = new HashMap<>();
        final Map<OrderId, Working> working = new LinkedHashMap<>();
        final Map<AccountId, List<OrderSubmitted>> submissions = new HashMap<>();
        final Map<AccountId, Long> sessionStartEquity = new HashMap<>();
        final Set<AccountId> operatorTouchedThisSession = new HashSet<>();
        final List<OrderSubmitted> submittedThisStep = new ArrayList<>();
        /** Cash by account: what it started with, less what its fills bought and their charges, plus what they sold. */
        final Map<AccountId, Long> cash = new HashMap<>();
        final Tally tally;
        long squaredOffDay = Long.MIN_VALUE;

        Run(RiskEngine risk, Map<AccountId, Long> startingCash, Tally tally) {
            this.risk = risk;
            this.tally = tally;
            this.desk = new PropsDesk(risk, startingCash.get(ACC), startingCash.get(OTHER));
            desk.engine.addListener(this::record);
            for (AccountId account : ACCOUNTS) {
                quantity.put(account, new HashMap<>());
                submissions.put(account, new ArrayList<>());
                sessionStartEquity.put(account, startingCash.get(account));
                cash.put(account, startingCash.get(account));
            }
            desk.open(BASE.get(INFY), BASE.get(TCS), BASE.get(HDFC));
            last.putAll(BASE);
        }

        record Working(OrderSubmitted submitted, long remaining, boolean traded) {
        }

        // -------------------------------------------------------------- the model, fed by events

        private void record(Event event) {
            switch (event) {
                case OrderSubmitted s -> {
                    working.put(s.order().id(), new Working(s, s.order().request().quantity(), false));
                    submissions.get(s.account()).add(s);
                    submittedThisStep.add(s);
                }
                case OrderFilled f -> {
                    Working w = working.get(f.orderId());
                    if (f.remaining() == 0) {
                        working.remove(f.orderId());
                    } else {
                        working.put(f.orderId(), new Working(w.submitted(), f.remaining(), true));
                    }
                    long signed = f.side().sign() * f.quantity();
                    quantity.get(f.account()).computeIfAbsent(f.symbol(), s -> new long[2])[f.product().ordinal()]
                            += signed;
                    if (!f.bot().equals(BotId.NONE)) {
                        botQuantity.computeIfAbsent(f.bot(), b -> new HashMap<>()).merge(f.symbol(), signed,
                                Long::sum);
                    }
                    last.put(f.symbol(), f.price());
                    cash.merge(f.account(), -signed * f.price() - f.charges(), Long::sum);
                }
                case OrderCancelled c -> working.remove(c.orderId());
                case OrderRejected r -> working.remove(r.orderId());
                default -> { }
            }
        }

        long quantity(AccountId account, Symbol symbol, Product product) {
            long[] q = quantity.get(account).get(symbol);
            return q == null ? 0 : q[product.ordinal()];
        }

        long net(AccountId account, Symbol symbol) {
            return quantity(account, symbol, Product.CNC) + quantity(account, symbol, Product.MIS);
        }

        /**
         * Cash plus every position at the symbol's last price: every bar and every fill, whoever's, marks all
         * positions in its symbol, so the last price is each position's mark.
         */
        long equity(AccountId account) {
            long equity = cash.get(account);
            for (Map.Entry<Symbol, long[]> e : quantity.get(account).entrySet()) {
                equity += (e.getValue()[0] + e.getValue()[1]) * last.get(e.getKey());
            }
            return equity;
        }

        /**
         * Gross exposure by product (indexed by ordinal): every position at its last price, and every working
         * order of the account that does not only reduce its position, at its reference price.
         */
        long[] gross(AccountId account) {
            long[] gross = new long[Product.values().length];
            for (Map.Entry<Symbol, long[]> e : quantity.get(account).entrySet()) {
                for (Product product : Product.values()) {
                    gross[product.ordinal()] += Math.abs(e.getValue()[product.ordinal()] * last.get(e.getKey()));
                }
            }
            for (Working w : working.values()) {
                var order = w.submitted().order();
                if (!order.account().equals(account) || restingReduces(order)) {
                    continue;
                }
                OrderRequest r = order.request();
                long price = r.limitPrice() != 0 ? r.limitPrice()
                        : r.triggerPrice() != 0 ? r.triggerPrice() : last.get(order.symbol());
                gross[order.product().ordinal()] += w.remaining() * price;
            }
            return gross;
        }

        /** A working order only reduces when it is against the net position and its side's orders all fit in it. */
        boolean restingReduces(com.quantdesk.core.order.Order order) {
            long position = net(order.account(), order.symbol());
            return position != 0 && Long.signum(position) != order.side().sign()
                    && pending(order.account(), order.symbol(), order.side(), null) <= Math.abs(position);
        }

        /** Gross value of the account's positions in the symbol's sector, the symbol itself left out. */
        long sectorElsewhere(AccountId account, Symbol symbol) {
            String sector = PropsDesk.instrument(symbol).sector();
            long total = 0;
            for (Symbol other : SYMBOLS) {
                if (!other.equals(symbol) && PropsDesk.instrument(other).sector().equals(sector)) {
                    for (Product product : Product.values()) {
                        total += Math.abs(quantity(account, other, product) * last.get(other));
                    }
                }
            }
            return total;
        }

        long loss(AccountId account) {
            return sessionStartEquity.get(account) - equity(account);
        }

        /** Same-side remaining quantity of the account's working orders in the symbol (one product, or all when null). */
        long pending(AccountId account, Symbol symbol, Side side, Product product) {
            long total = 0;
            for (Working w : working.values()) {
                Order o = new Order(w.submitted());
                if (o.account.equals(account) && o.symbol.equals(symbol) && o.side == side
                        && (product == null || o.product == product)) {
                    total += w.remaining();
                }
            }
            return total;
        }

        /** The engine's documented notion: shrinks the net position without opening or flipping it. */
        boolean reduces(OrderRequest r) {
            long position = net(r.account(), r.symbol());
            return position != 0 && Long.signum(position) != r.side().sign()
                    && r.quantity() + pending(r.account(), r.symbol(), r.side(), null) <= Math.abs(position);
        }

        int openPositionsOutside(AccountId account, Symbol symbol) {
            int open = 0;
            for (Map.Entry<Symbol, long[]> e : quantity.get(account).entrySet()) {
                if (!e.getKey().equals(symbol)) {
                    open += e.getValue()[0] != 0 || e.getValue()[1] != 0 ? 1 : 0;
                }
            }
            return open;
        }

        private record Order(AccountId account, Symbol symbol, Side side, Product product) {
            Order(OrderSubmitted s) {
                this(s.account(), s.order().symbol(), s.order().side(), s.order().product());
            }
        }

        // -------------------------------------------------------------- steps

        void apply(Step step) {
            submittedThisStep.clear();
            switch (step) {
                case NewBar b -> newBar(b);
                case Place p -> place(p);
                case Fill f -> fill(f);
                case Cancel c -> pick(c.pick(), false).ifPresent(id -> desk.execute(new CancelOrder(id, "test")));
                case Reject r -> pick(r.pick(), true).ifPresent(desk::reject);
                case Wait w -> tick(desk.clock.instant().plusSeconds(w.seconds()));
                case ToCutoff c -> toCutoff(c);
                case NextDay d -> nextDay(d);
                case Operator o -> operator(o);
            }
            assertModelMatchesTheEngine(step);
        }

        private void newBar(NewBar b) {
            Symbol symbol = SYMBOLS.get(b.symbol());
            long close = bounded(symbol, last.get(symbol) + last.get(symbol) * b.moveBps() / 10_000);
            last.put(symbol, close);
            desk.bar(symbol, close);
            assertDailyLossStopsTrading(ACCOUNTS);
        }

        private void fill(Fill f) {
            java.util.Optional<OrderId> id = pick(f.pick(), false);
            if (id.isEmpty()) {
                return;
            }
            Working w = working.get(id.get());
            OrderRequest r = w.submitted().order().request();
            long price = switch (r.type()) {
                case LIMIT, SL -> r.limitPrice();
                case SL_M -> r.triggerPrice();
                case MARKET -> bounded(r.symbol(), last.get(r.symbol())
                        + last.get(r.symbol()) * f.offsetBps() / 10_000);
            };
            long quantity = Math.max(1, w.remaining() * f.percent() / 100);
            desk.venue.reports().filled(id.get(), "F", quantity, price, FILL_CHARGES);
            // A fill marks every account at its price, but only the filled account's loss is checked at once;
            // the others are checked at the next bar or tick (and the pre-trade rule measures loss live).
            assertDailyLossStopsTrading(List.of(r.account()));
        }

        private java.util.Optional<OrderId> pick(int index, boolean untradedOnly) {
            List<OrderId> candidates = new ArrayList<>();
            for (Map.Entry<OrderId, Working> e : working.entrySet()) {
                if (!untradedOnly || !e.getValue().traded()) {
                    candidates.add(e.getKey());
                }
            }
            return candidates.isEmpty() ? java.util.Optional.empty()
                    : java.util.Optional.of(candidates.get(index % candidates.size()));
        }

        private void tick(Instant to) {
            desk.clock.set(to);
            long today = MarketTime.tradeEpochDay(to);
            LocalTime local = LocalTime.ofInstant(to, MarketTime.IST);
            boolean squareOff = !local.isBefore(LocalTime.of(15, 20)) && squaredOffDay != today;
            desk.engine.onTime();
            if (squareOff) {
                squaredOffDay = today;
                assertMisIsBeingSquaredOff();
            }
            assertDailyLossStopsTrading(ACCOUNTS);
        }

        private void toCutoff(ToCutoff c) {
            Instant target = PropsDesk.ist(MarketTime.tradeDate(desk.clock.instant()), LocalTime.of(15, 20))
                    .plusSeconds(c.seconds());
            tick(target.isAfter(desk.clock.instant()) ? target : desk.clock.instant());
        }

        private void nextDay(NextDay d) {
            LocalDate date = MarketTime.tradeDate(desk.clock.instant()).plusDays(1);
            while (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
                date = date.plusDays(1);
            }
            // The engine takes the session's opening equity at its first tick of the day; so does the model.
            for (AccountId account : ACCOUNTS) {
                sessionStartEquity.put(account, equity(account));
            }
            operatorTouchedThisSession.clear();
            long previousSession = MarketTime.tradeEpochDay(desk.clock.instant());
            boolean leftOver = squaredOffDay != previousSession;
            desk.clock.set(PropsDesk.ist(date, MarketTime.OPEN).plusSeconds(d.seconds()));
            desk.engine.onTime();
            if (leftOver) {
                assertMisIsBeingSquaredOff();
            }
            assertDailyLossStopsTrading(ACCOUNTS);
        }

        private void operator(Operator o) {
            AccountId account = o.scope() == 0 ? AccountId.SYSTEM : o.scope() <= 2 ? ACC : OTHER;
            BotId bot = o.scope() == 2 ? ALPHA : o.scope() == 4 ? GAMMA : BotId.NONE;
            operatorTouchedThisSession.addAll(account.equals(AccountId.SYSTEM) ? ACCOUNTS : List.of(account));
            switch (o.action()) {
                case 0 -> desk.execute(new ActivateKillSwitch(account, bot, "test", false, "ops"));
                case 1 -> desk.execute(new ActivateKillSwitch(account, bot, "test", true, "ops"));
                case 2 -> desk.execute(new ResetKillSwitch(account, bot, "test", "ops"));
                default -> desk.execute(new SetTradingState(account, bot, TradingState.REDUCING, "test", "ops"));
            }
        }

        private long bounded(Symbol symbol, long price) {
            long base = BASE.get(symbol);
            long tick = PropsDesk.instrument(symbol).tickSizePaise();
            long clamped = Math.max(base * 92 / 100, Math.min(base * 108 / 100, price));
            return Paise.roundToTick(clamped, tick);
        }

        // -------------------------------------------------------------- placing, and what acceptance promises

        private void place(Place p) {
            AccountId account = (AccountId) TRADERS.get(p.trader())[0];
            BotId bot = (BotId) TRADERS.get(p.trader())[1];
            Symbol symbol = SYMBOLS.get(p.symbol());
            long lastPrice = last.get(symbol);
            long away = bounded(symbol, lastPrice + lastPrice * p.offsetBps() / 10_000);
            OrderRequest request = switch (p.type()) {
                case LIMIT -> OrderRequest.limit(account, bot, symbol, p.side(), p.quantity(), away, p.product());
                case SL_M -> OrderRequest.stopMarket(account, bot, symbol, p.side(), p.quantity(), away, p.product());
                default -> OrderRequest.market(account, bot, symbol, p.side(), p.quantity(), p.product());
            };
            long reference = p.type() == OrderType.MARKET ? lastPrice : away;
            if (p.stopBps() > 0) {
                request = request.withStopLoss(reference - p.side().sign() * reference * p.stopBps() / 10_000);
            }

            TradingState state = desk.engine.tradingState(account, bot);
            boolean reducing = reduces(request);
            long net = net(account, symbol);
            long pendingSameSide = pending(account, symbol, request.side(), null);
            long equity = equity(account);
            long loss = loss(account);
            int openElsewhere = openPositionsOutside(account, symbol);
            long botBefore = botQuantity.getOrDefault(bot, Map.of()).getOrDefault(symbol, 0L);
            long[] gross = gross(account);
            long sectorElsewhere = sectorElsewhere(account, symbol);
            Instant now = desk.clock.instant();

            CommandResult result = desk.submit(request);
            tally.placed++;
            if (result.accepted()) {
                tally.accepted++;
            } else {
                tally.denials.merge(result.reasonCode(), 1, Integer::sum);
            }

            String context = request + " in state " + state + " (net " + net + ", pending " + pendingSameSide
                    + ", equity " + equity + ", loss " + loss + ", gross CNC " + gross[0] + " MIS " + gross[1]
                    + ", sector elsewhere " + sectorElsewhere + ") -> " + result;
            // A HALTED scope places nothing: the engine refuses before any configurable rule runs.
            if (state == TradingState.HALTED) {
                assertThat(result.reasonCode()).as(context).isEqualTo("RISK_HALTED");
                return;
            }
            // REDUCING lets through only orders that shrink a position without flipping it.
            if (state == TradingState.REDUCING && !reducing) {
                assertThat(result.reasonCode()).as(context).isEqualTo("RISK_REDUCING_ONLY");
                return;
            }
            RiskLimits limits = risk.limits(account);
            BotLimits extra = risk.botLimits(bot);
            if (!result.accepted()) {
                assertDenialIsJustified(context, result.reasonCode(), request, reference, net, pendingSameSide,
                        equity, loss, botBefore, gross, sectorElsewhere, limits, extra);
                return;
            }
            assertAcceptedInTheSession(context, now);
            assertOrderSize(context, request, reference, limits, extra);
            assertOrderRates(context, account, bot, now, limits, extra);
            // Exposure rules skip reducing orders: all they may do is shrink the net position.
            if (reducing) {
                long after = net + request.side().sign() * (pendingSameSide + request.quantity());
                assertThat(Math.abs(after)).as(context).isLessThanOrEqualTo(Math.abs(net));
                return;
            }
            assertExposureWithinLimits(context, request, reference, net, pendingSameSide, equity, loss,
                    openElsewhere, botBefore, now, limits, extra);
            assertSectorLeverageAndFunds(context, request, reference, net, pendingSameSide, equity, gross,
                    sectorElsewhere, limits);
        }

        private static void assertAcceptedInTheSession(String context, Instant now) {
            LocalTime local = LocalTime.ofInstant(now, MarketTime.IST);
            DayOfWeek day = now.atZone(MarketTime.IST).getDayOfWeek();
            assertThat(day).as(context).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            assertThat(local).as(context).isBetween(MarketTime.OPEN, MarketTime.CLOSE.minusNanos(1));
        }

        /**
         * A denial for a limit re-derived here is one the model agrees with: the limit named would have been
         * exceeded (so an engine that denies by a limit tighter than the one configured is caught).
         */
        private static void assertDenialIsJustified(String context, String reason, OrderRequest r, long reference,
                                                    long net, long pendingSameSide, long equity, long loss,
                                                    long botBefore, long[] gross, long sectorElsewhere,
                                                    RiskLimits limits, BotLimits extra) {
            long value = r.quantity() * reference;
            long projectedValue = Math.abs(net + r.side().sign() * (pendingSameSide + r.quantity())) * reference;
            long cncGross = gross[Product.CNC.ordinal()];
            long misGross = gross[Product.MIS.ordinal()];
            int leverage = limits.misLeverage();
            boolean cnc = r.product() == Product.CNC;
            boolean exceeded = switch (reason) {
                case "RISK_MAX_ORDER_QUANTITY" ->
                        r.quantity() > BotLimits.tighter(limits.maxOrderQuantity(), extra.maxOrderQuantity());
                case "RISK_MAX_ORDER_VALUE" -> value > BotLimits.tighter(limits.maxOrderValue(), extra.maxOrderValue());
                case "RISK_MAX_POSITION_VALUE" -> projectedValue > limits.maxPositionValue()
                        || extra.maxPositionValue() > 0
                        && Math.abs(botBefore + r.side().sign() * r.quantity()) * reference > extra.maxPositionValue();
                case "RISK_CONCENTRATION" -> projectedValue > OrderCheck.bps(equity, limits.maxConcentrationBps());
                case "RISK_SECTOR_EXPOSURE" ->
                        projectedValue + sectorElsewhere > OrderCheck.bps(equity, limits.maxSectorExposureBps());
                case "RISK_LEVERAGE" ->
                        (cnc ? cncGross : cncGross + misGross) + value > Math.max(0, equity) * (cnc ? 1 : leverage);
                case "RISK_INSUFFICIENT_FUNDS" ->
                        (cnc ? value : Math.ceilDiv(value, leverage)) > equity - cncGross - misGross / leverage;
                case "RISK_MAX_DAILY_LOSS" -> loss > limits.maxDailyLoss();
                default -> true;
            };
            assertThat(exceeded).as("denied although the model finds the limit kept: " + context).isTrue();
        }

        /** Quantity and value of one order never exceed the tighter of the account's and the bot's limit. */
        private static void assertOrderSize(String context, OrderRequest r, long reference, RiskLimits limits,
                                            BotLimits extra) {
            assertThat(r.quantity()).as(context)
                    .isLessThanOrEqualTo(BotLimits.tighter(limits.maxOrderQuantity(), extra.maxOrderQuantity()));
            assertThat(r.quantity() * reference).as(context)
                    .isLessThanOrEqualTo(BotLimits.tighter(limits.maxOrderValue(), extra.maxOrderValue()));
        }

        /**
         * Counting every order the engine sent for the account, system orders included (they use the same
         * broker budget), an accepted order never makes a window hold more than its limit: the check denies
         * when the window already holds the limit.
         */
        private void assertOrderRates(String context, AccountId account, BotId bot, Instant now, RiskLimits limits,
                                      BotLimits extra) {
            long nowMillis = now.toEpochMilli();
            long today = MarketTime.tradeEpochDay(now);
            int second = 0;
            int minute = 0;
            int day = 0;
            int botDay = 0;
            for (OrderSubmitted s : submissions.get(account)) {
                long t = s.order().createdAt().toEpochMilli();
                second += t > nowMillis - 1_000 ? 1 : 0;
                minute += t > nowMillis - 60_000 ? 1 : 0;
                boolean sameDay = MarketTime.tradeEpochDay(s.order().createdAt()) == today;
                day += sameDay ? 1 : 0;
                botDay += sameDay && s.bot().equals(bot) ? 1 : 0;
            }
            assertThat(second).as("orders in a second: " + context).isLessThanOrEqualTo(limits.maxOrdersPerSecond());
            assertThat(minute).as("orders in a minute: " + context).isLessThanOrEqualTo(limits.maxOrdersPerMinute());
            assertThat(day).as("orders today: " + context).isLessThanOrEqualTo(limits.maxOrdersPerDay());
            if (!bot.equals(BotId.NONE)) {
                assertThat((long) botDay).as("bot orders today: " + context).isLessThanOrEqualTo(
                        BotLimits.tighter(limits.maxTradesPerBotPerDay(), extra.maxTradesPerDay()));
            }
        }

        /**
         * An order that adds exposure is accepted only if, at its reference price and the account's equity at
         * that moment: today's loss is within the limit; the symbol's net position after this and every
         * working order on its side fill is within the position-value and concentration limits (and the
         * bot's own position within its limit); a first position in a symbol leaves room under
         * maxOpenPositions; the risk to its stop is within maxRiskPerTrade; and an MIS entry comes before
         * the cut-off.
         */
        private void assertExposureWithinLimits(String context, OrderRequest r, long reference, long net,
                                                long pendingSameSide, long equity, long loss, int openElsewhere,
                                                long botBefore, Instant now, RiskLimits limits, BotLimits extra) {
            assertThat(loss).as("daily loss: " + context).isLessThanOrEqualTo(limits.maxDailyLoss());
            long projected = Math.abs(net + r.side().sign() * (pendingSameSide + r.quantity()));
            assertThat(projected * reference).as("position value: " + context)
                    .isLessThanOrEqualTo(limits.maxPositionValue())
                    .isLessThanOrEqualTo(OrderCheck.bps(equity, limits.maxConcentrationBps()));
            if (extra.maxPositionValue() > 0) {
                assertThat(Math.abs(botBefore + r.side().sign() * r.quantity()) * reference)
                        .as("bot position value: " + context).isLessThanOrEqualTo(extra.maxPositionValue());
            }
            if (net == 0) {
                assertThat(openElsewhere + 1).as("open positions: " + context)
                        .isLessThanOrEqualTo(limits.maxOpenPositions());
            }
            if (r.stopLossPrice() > 0) {
                assertThat(r.quantity() * Math.abs(reference - r.stopLossPrice())).as("risk per trade: " + context)
                        .isLessThanOrEqualTo(OrderCheck.bps(equity, limits.maxRiskPerTradeBps()));
            }
            if (r.product() == Product.MIS) {
                assertThat(LocalTime.ofInstant(now, MarketTime.IST)).as(context).isBefore(limits.misCutoff());
            }
        }

        /**
         * An order that adds exposure is accepted only if, at its reference price and the account's equity at
         * that moment: the symbol's projected position (as for the position-value limit) plus the account's
         * other positions in the same sector is within maxSectorExposureBps of equity; the gross exposure of
         * positions and non-reducing working orders plus the order is within equity for CNC (CNC gross only)
         * and misLeverage times equity for MIS (all of it); and the margin it needs (CNC its value, MIS its
         * value over misLeverage, rounded up) is within equity less the margin in use (CNC gross plus MIS
         * gross over misLeverage).
         */
        private static void assertSectorLeverageAndFunds(String context, OrderRequest r, long reference, long net,
                                                         long pendingSameSide, long equity, long[] gross,
                                                         long sectorElsewhere, RiskLimits limits) {
            long projected = Math.abs(net + r.side().sign() * (pendingSameSide + r.quantity()));
            assertThat(projected * reference + sectorElsewhere).as("sector exposure: " + context)
                    .isLessThanOrEqualTo(OrderCheck.bps(equity, limits.maxSectorExposureBps()));
            long cncGross = gross[Product.CNC.ordinal()];
            long misGross = gross[Product.MIS.ordinal()];
            long value = r.quantity() * reference;
            int leverage = limits.misLeverage();
            boolean cnc = r.product() == Product.CNC;
            assertThat((cnc ? cncGross : cncGross + misGross) + value).as("gross exposure: " + context)
                    .isLessThanOrEqualTo(Math.max(0, equity) * (cnc ? 1 : leverage));
            long available = equity - cncGross - misGross / leverage;
            assertThat(cnc ? value : Math.ceilDiv(value, leverage)).as("margin needed: " + context)
                    .isLessThanOrEqualTo(available);
        }

        // -------------------------------------------------------------- state after a step

        /**
         * Once a bar, a tick or the account's own fill has shown a loss beyond the limit, the engine no longer
         * calls the account ACTIVE (it is REDUCING or HALTED until the next session), unless an operator
         * changed its state since the session opened.
         */
        private void assertDailyLossStopsTrading(List<AccountId> accounts) {
            for (AccountId account : accounts) {
                if (operatorTouchedThisSession.contains(account)
                        || loss(account) <= risk.limits(account).maxDailyLoss()) {
                    continue;
                }
                assertThat(desk.engine.tradingState(account)).as(account + " lost " + loss(account))
                        .isNotEqualTo(TradingState.ACTIVE);
            }
        }

        /**
         * Right after the square-off: no MIS order of anyone's is working except the square-off's own, and those
         * close every MIS position exactly.
         */
        private void assertMisIsBeingSquaredOff() {
            Map<String, Long> closing = new HashMap<>();
            for (Working w : working.values()) {
                var order = w.submitted().order();
                if (order.product() != Product.MIS) {
                    continue;
                }
                assertThat(order.request().tag()).as("MIS order working after the square-off: " + order)
                        .isEqualTo("MIS-SQUAREOFF");
                assertThat(submittedThisStep).as("square-off order from this tick").contains(w.submitted());
                closing.merge(order.account() + "/" + order.symbol(), order.side().sign() * w.remaining(), Long::sum);
            }
            for (AccountId account : ACCOUNTS) {
                for (Symbol symbol : SYMBOLS) {
                    assertThat(quantity(account, symbol, Product.MIS)
                            + closing.getOrDefault(account + "/" + symbol, 0L)).as(account + " MIS " + symbol)
                            .isZero();
                }
            }
        }

        /** The model and the engine agree on holdings, equity and working orders, so the checks above mean something. */
        private void assertModelMatchesTheEngine(Step step) {
            for (AccountId account : ACCOUNTS) {
                for (Symbol symbol : SYMBOLS) {
                    for (Product product : Product.values()) {
                        assertThat(desk.engine.portfolio(account).quantity(symbol, product))
                                .as(account + " " + symbol + " " + product + " after " + step)
                                .isEqualTo(quantity(account, symbol, product));
                    }
                }
                assertThat(desk.engine.portfolio(account).equity()).as(account + " equity after " + step)
                        .isEqualTo(equity(account));
                assertThat(desk.engine.openOrders(account)).extracting(o -> o.id())
                        .containsExactlyElementsOf(working.values().stream()
                                .filter(w -> w.submitted().account().equals(account))
                                .map(w -> w.submitted().order().id()).toList());
            }
        }
    }
}
