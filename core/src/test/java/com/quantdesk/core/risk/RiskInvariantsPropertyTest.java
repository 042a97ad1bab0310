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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

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

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> bar = Combinators.combine(Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(-300, 300)).as(NewBar::new);
        Arbitrary<Step> place = Combinators.combine(Arbitraries.integers().between(0, TRADERS.size() - 1),
                Arbitraries.integers().between(0, 2), Arbitraries.of(Side.class),
                Arbitraries.integers().between(1, 200),
                Arbitraries.of(OrderType.MARKET, OrderType.LIMIT, OrderType.SL_M), Arbitraries.of(Product.class),
                Arbitraries.integers().between(-600, 600),
                Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(50, 800))).as(Place::new);
        Arbitrary<Step> fill = Combinators.combine(Arbitraries.integers().between(0, 20),
                Arbitraries.integers().between(1, 100), Arbitraries.integers().between(-100, 100)).as(Fill::new);
        Arbitrary<Step> cancel = Arbitraries.integers().between(0, 20).map(Cancel::new);
        Arbitrary<Step> reject = Arbitraries.integers().between(0, 20).map(Reject::new);
        Arbitrary<Step> wait = Arbitraries.integers().between(0, 90).map(Wait::new);
        Arbitrary<Step> cutoff = Arbitraries.integers().between(0, 599).map(ToCutoff::new);
        Arbitrary<Step> nextDay = Arbitraries.integers().between(0, 300).map(NextDay::new);
        Arbitrary<Step> operator = Combinators.combine(Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 4)).as(Operator::new);
        return Arbitraries.frequencyOf(Tuple.of(14, bar), Tuple.of(30, place), Tuple.of(16, fill), Tuple.of(4, cancel),
                Tuple.of(3, reject), Tuple.of(10, wait), Tuple.of(2, cutoff), Tuple.of(2, nextDay),
                Tuple.of(1, operator)).list().ofMaxSize(60);
    }

    /** Sixteen knobs from which each account's limits and alpha's bot limits are drawn; shrinking makes them tight. */
    @Provide
    Arbitrary<int[]> knobs() {
        return Arbitraries.integers().between(0, 9_999).array(int[].class).ofSize(16);
    }

    private static RiskLimits limits(int[] k, int offset) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("maxOrderQuantity", Integer.toString(20 + k[offset] % 381));
        m.put("maxOrderValue", Long.toString(20_000 + 100L * (k[offset + 1] % 4_801)));
        m.put("maxOpenPositions", Integer.toString(1 + k[offset + 2] % 3));
        m.put("maxPositionValue", Long.toString(30_000 + 100L * (k[offset + 3] % 3_701)));
        m.put("maxConcentrationBps", Integer.toString(500 + k[offset + 4] % 2_501));
        m.put("maxDailyLoss", Long.toString(500 + k[offset + 5] % 4_501));
        m.put("dailyLossState", k[offset + 6] % 2 == 0 ? "REDUCING" : "HALTED");
        m.put("killOnDailyLoss", Boolean.toString(k[offset + 6] % 5 == 0));
        m.put("maxOrdersPerSecond", Integer.toString(1 + k[offset + 7] % 4));
        m.put("maxOrdersPerMinute", Integer.toString(3 + k[offset + 7] % 10));
        m.put("maxOrdersPerDay", Integer.toString(10 + k[offset + 5] % 31));
        m.put("maxTradesPerBotPerDay", Integer.toString(3 + k[offset + 4] % 18));
        m.put("rejectSpikeCount", Integer.toString(k[offset + 3] % 5));
        return PropsDesk.quietDefaults().with(m);
    }

    private static BotLimits alphaLimits(int[] k) {
        return k[14] % 3 == 0 ? BotLimits.NONE
                : new BotLimits(10 + k[14] % 200, Paise.ofRupees(10_000 + k[15] % 2_00_000),
                        Paise.ofRupees(20_000 + k[15] % 1_50_000), 2 + k[15] % 12);
    }

    // ------------------------------------------------------------------ the property

    @Property(tries = 200)
    void noSequenceTakesAnAccountPastALimitWhileTheEngineCallsItActive(@ForAll("knobs") int[] knobs,
                                                                       @ForAll("steps") List<Step> steps) {
        RiskEngine risk = new RiskEngine(PropsDesk.quietDefaults())
                .withLimits(ACC, limits(knobs, 0)).withLimits(OTHER, limits(knobs, 7))
                .withBotLimits(ALPHA, alphaLimits(knobs));
        Run run = new Run(risk);
        for (Step step : steps) {
            run.apply(step);
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
        long squaredOffDay = Long.MIN_VALUE;

        Run(RiskEngine risk) {
            this.risk = risk;
            this.desk = new PropsDesk(risk);
            desk.engine.addListener(this::record);
            for (AccountId account : ACCOUNTS) {
                quantity.put(account, new HashMap<>());
                submissions.put(account, new ArrayList<>());
                sessionStartEquity.put(account, PropsDesk.CASH);
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
         * The engine's equity: its marks are what the loss and share-of-equity limits are defined on. (The
         * model does not re-derive it, since a fill re-marks only its own product's position in the symbol.)
         */
        long equity(AccountId account) {
            return desk.engine.portfolio(account).equity();
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
            Instant now = desk.clock.instant();

            CommandResult result = desk.submit(request);

            String context = request + " in state " + state + " (net " + net + ", pending " + pendingSameSide
                    + ", equity " + equity + ", loss " + loss + ") -> " + result;
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
            if (!result.accepted()) {
                return;
            }
            RiskLimits limits = risk.limits(account);
            BotLimits extra = risk.botLimits(bot);
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
        }

        private static void assertAcceptedInTheSession(String context, Instant now) {
            LocalTime local = LocalTime.ofInstant(now, MarketTime.IST);
            DayOfWeek day = now.atZone(MarketTime.IST).getDayOfWeek();
            assertThat(day).as(context).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            assertThat(local).as(context).isBetween(MarketTime.OPEN, MarketTime.CLOSE.minusNanos(1));
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

        /** The model and the engine agree on what the account holds and has working, so the checks above mean something. */
        private void assertModelMatchesTheEngine(Step step) {
            for (AccountId account : ACCOUNTS) {
                for (Symbol symbol : SYMBOLS) {
                    for (Product product : Product.values()) {
                        assertThat(desk.engine.portfolio(account).quantity(symbol, product))
                                .as(account + " " + symbol + " " + product + " after " + step)
                                .isEqualTo(quantity(account, symbol, product));
                    }
                }
                assertThat(desk.engine.openOrders(account)).extracting(o -> o.id())
                        .containsExactlyElementsOf(working.values().stream()
                                .filter(w -> w.submitted().account().equals(account))
                                .map(w -> w.submitted().order().id()).toList());
            }
        }
    }
}
