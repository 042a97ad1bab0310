package com.quantdesk.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quantdesk.core.bot.BotDefinition;
import com.quantdesk.core.bot.BotState;
import com.quantdesk.core.command.ActivateKillSwitch;
import com.quantdesk.core.command.BotCommand;
import com.quantdesk.core.command.CancelOrder;
import com.quantdesk.core.command.CreateBot;
import com.quantdesk.core.command.OpenAccount;
import com.quantdesk.core.command.SubmitOrder;
import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.Bar;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.Instrument;
import com.quantdesk.core.domain.OrderId;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.engine.ExecutionReports;
import com.quantdesk.core.event.Event;
import com.quantdesk.core.event.PositionChanged;
import com.quantdesk.core.event.RiskAlert;
import com.quantdesk.core.market.BarInterval;
import com.quantdesk.core.order.Order;
import com.quantdesk.core.order.OrderRequest;
import com.quantdesk.core.risk.RiskEngine;
import com.quantdesk.core.risk.RiskLimits;
import com.quantdesk.core.risk.TradingState;
import com.quantdesk.core.strategy.Strategy;
import com.quantdesk.core.strategy.StrategyFactory;
import com.quantdesk.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A restart rebuilds, from the journal alone, everything that decides orders: a restarted engine
 * describes itself exactly as the one that wrote the journal, and then decides exactly as it would have.
 */
class RecoveryTest {

    private static final AccountId ACC = AccountId.of("acc");
    private static final Symbol INFY = Symbol.of("INFY");
    private static final Symbol TCS = Symbol.of("TCS");
    private static final BotId BOT = BotId.of("buyer");
    /** Monday 2026-01-05, 10:00 IST. */
    private static final Instant OPEN = Instant.parse("2026-01-05T04:30:00Z");

    /** A venue that acknowledges every order and answers cancels only when told. */
    private static final class Venue implements BrokerGateway {
        ExecutionReports reports;
        final List<Order> submitted = new ArrayList<>();
        final List<Order> cancels = new ArrayList<>();

        @Override
        public void connect(ExecutionReports executionReports) {
            reports = executionReports;
        }

        @Override
        public void submit(Order order) {
            submitted.add(order);
            reports.accepted(order.id(), "V" + order.id().value());
        }

        @Override
        public void cancel(Order order) {
            cancels.add(order);
        }

        @Override
        public void modify(Order order, long quantity, long limitPrice, long triggerPrice) {
        }
    }

    /** Buys {@code qty} of every bar's symbol while flat; the strategies a journal names are built by name. */
    private static final StrategyFactory STRATEGIES = (name, params) -> switch (name) {
        case "buy-when-flat" -> {
            long qty = Long.parseLong(params.getOrDefault("qty", "1"));
            yield (Strategy) (ctx, bar) -> {
                if (ctx.position(bar.symbol()) == 0 && ctx.openOrders(bar.symbol()).isEmpty()) {
                    ctx.market(bar.symbol(), Side.BUY, qty, Product.CNC);
                }
            };
        }
        default -> throw new IllegalArgumentException("unknown strategy '" + name + "'");
    };

    private static final class Rig {
        final ManualClock clock;
        final Venue venue = new Venue();
        final TradingEngine engine;
        final RiskEngine risk;
        final List<Event> events = new ArrayList<>();

        Rig(Instant now, RiskLimits limits) {
            clock = new ManualClock(now);
            engine = new TradingEngine(clock, venue, s -> Optional.of(Instrument.nseEquity(s.value(), 5, "IT")));
            engine.useStrategies(STRATEGIES);
            risk = new RiskEngine(limits);
            engine.attachRisk(risk);
            engine.addListener(events::add);
        }

        /** A started rig whose account bought {@code quantity} {@code symbol} at {@code price}, filled. */
        static Rig holding(Symbol symbol, long quantity, long price) {
            Rig rig = new Rig(OPEN, limits());
            rig.engine.execute(new OpenAccount(ACC, 10_00_000_00L, "ops"));
            rig.engine.start();
            rig.minute(symbol, price);
            rig.engine.execute(new SubmitOrder(OrderRequest.market(ACC, BotId.NONE, symbol, Side.BUY, quantity,
                    Product.CNC)));
            rig.fillEverything(price);
            return rig;
        }

        /** A rig rebuilt from this one's journal, as a restart builds it. */
        Rig restarted(RiskLimits limits) {
            Rig restarted = new Rig(clock.instant(), limits);
            events.forEach(restarted.engine::recover);
            restarted.events.addAll(events);
            return restarted;
        }

        void minute(Symbol symbol, long close) {
            clock.advance(Duration.ofMinutes(1));
            engine.onTime();
            engine.onBar(new Bar(symbol, clock.instant(), close, close, close, close, 10_000), BarInterval.ONE_MINUTE);
        }

        void fillEverything(long price) {
            for (Order order : engine.openOrders()) {
                venue.reports.filled(order.id(), "T" + order.id().value(), order.remainingQuantity(), price, 20_00);
            }
        }

        Optional<RiskAlert> alert(String code) {
            return events.stream().filter(RiskAlert.class::isInstance).map(RiskAlert.class::cast)
                    .filter(a -> a.code().equals(code)).findFirst();
        }
    }

    private static RiskLimits limits() {
        return RiskLimits.defaults().with(Map.of("maxDailyLoss", "5000", "dailyLossState", "HALTED",
                "staleDataAfter", "0s", "maxOrderValue", "100000000", "maxPositionValue", "100000000",
                "maxRiskPerTradeBps", "10000", "maxConcentrationBps", "10000", "duplicateWindow", "0s"));
    }

    // ------------------------------------------------------------------ daily loss

    /** A losing day: 100 INFY bought at ₹1,500, then ₹10 lower every minute; the limit is ₹5,000. */
    private static Rig losingDay(int restartAfterMinute) {
        Rig rig = Rig.holding(INFY, 100, 1_500_00);
        for (int minute = 1; minute <= 12; minute++) {
            if (minute == restartAfterMinute + 1) {
                rig = rig.restarted(limits());
                rig.engine.start();
            }
            rig.minute(INFY, 1_500_00 - 10_00L * minute);
        }
        return rig;
    }

    @ParameterizedTest(name = "restart after minute {0}")
    @ValueSource(ints = {1, 2, 3, 4})
    void aRestartInTheMiddleOfALosingDayKeepsTheDailyLossLimit(int restartAfter) {
        Rig uninterrupted = losingDay(0);
        Rig restarted = losingDay(restartAfter);

        RiskAlert expected = uninterrupted.alert("RISK_MAX_DAILY_LOSS").orElseThrow();
        RiskAlert actual = restarted.alert("RISK_MAX_DAILY_LOSS").orElseThrow();
        // The same cumulative loss at the same bar: the session's baseline survived the restart.
        assertThat(actual.message()).isEqualTo(expected.message()).isEqualTo("daily loss 5020.00 exceeds 5000.00");
        assertThat(actual.time()).isEqualTo(expected.time());
        assertThat(restarted.engine.tradingState(ACC)).isEqualTo(TradingState.HALTED);
        assertThat(restarted.engine.describeState()).isEqualTo(uninterrupted.engine.describeState());
    }

    @Test
    void aRestartAfterTheBreachKeepsTheAccountHaltedAndDoesNotBreachAgain() {
        Rig rig = losingDay(0);
        long alerts = rig.events.stream().filter(RiskAlert.class::isInstance).count();
        Rig restarted = rig.restarted(limits());
        restarted.engine.start();
        restarted.minute(INFY, 1_000_00);
        assertThat(restarted.engine.tradingState(ACC)).isEqualTo(TradingState.HALTED);
        assertThat(restarted.events.stream().filter(RiskAlert.class::isInstance).count()).isEqualTo(alerts);
    }

    @Test
    void aRestartWaitsForFreshMarksAtMostFiveMinutesAndThenSaysSo() {
        Rig rig = Rig.holding(INFY, 100, 1_500_00);
        rig.minute(INFY, 1_490_00);
        Rig restarted = rig.restarted(limits());
        restarted.engine.start();
        long alerts = restarted.events.stream().filter(RiskAlert.class::isInstance).count();

        restarted.clock.advance(Duration.ofMinutes(5));
        restarted.engine.onTime();
        assertThat(restarted.alert("RISK_STALE_MARKS")).isEmpty();
        restarted.clock.advance(Duration.ofSeconds(1));
        restarted.engine.onTime();

        assertThat(restarted.alert("RISK_STALE_MARKS")).hasValueSatisfying(a -> assertThat(a.message())
                .isEqualTo("no bar for [INFY] within 5 minutes of the restart; the daily loss is judged on their last "
                        + "journaled prices"));
        assertThat(restarted.events.stream().filter(RiskAlert.class::isInstance).count()).isEqualTo(alerts + 1);
    }

    @Test
    void silenceAfterARestartStillThrowsTheStaleDataKillSwitch() {
        RiskLimits limits = limits().with("staleDataAfter", "60s");
        Rig rig = new Rig(OPEN, limits);
        rig.engine.execute(new OpenAccount(ACC, 10_00_000_00L, "ops"));
        rig.engine.start();
        rig.minute(INFY, 1_500_00);

        Rig restarted = rig.restarted(limits);
        restarted.engine.start();
        restarted.clock.advance(Duration.ofSeconds(61));
        restarted.engine.onTime();

        assertThat(restarted.engine.tradingState(AccountId.SYSTEM)).isEqualTo(TradingState.HALTED);
        assertThat(restarted.alert("RISK_STALE_DATA")).isPresent();
    }

    // ------------------------------------------------------------------ cancels and the kill switch

    @Test
    void aCancelAskedBeforeARestartIsKnownAfterItAndIsSentAgain() {
        Rig rig = new Rig(OPEN, limits());
        rig.engine.execute(new OpenAccount(ACC, 10_00_000_00L, "ops"));
        rig.engine.start();
        rig.minute(INFY, 1_500_00);
        OrderId id = rig.engine.execute(new SubmitOrder(OrderRequest.limit(ACC, BotId.NONE, INFY, Side.BUY, 5,
                1_490_00, Product.CNC))).orderId().orElseThrow();
        rig.engine.execute(new CancelOrder(id, "changed my mind"));
        assertThat(rig.venue.cancels).hasSize(1); // sent, never confirmed before the "crash"

        Rig restarted = rig.restarted(limits());
        assertThat(restarted.engine.cancelRequested(id)).contains("changed my mind");
        restarted.engine.resendCancel(id);
        assertThat(restarted.venue.cancels).extracting(Order::id).containsExactly(id);
        restarted.venue.reports.cancelled(id, "cancelled at the venue");
        assertThat(restarted.engine.openOrders()).isEmpty();
    }

    @Test
    void afterAKillSwitchAndARestartEveryOrderInTheHaltedScopeIsBeingCancelled() {
        Rig rig = new Rig(OPEN, limits());
        rig.engine.execute(new OpenAccount(ACC, 10_00_000_00L, "ops"));
        rig.engine.execute(new OpenAccount(AccountId.of("other"), 10_00_000_00L, "ops"));
        rig.engine.start();
        rig.minute(INFY, 1_500_00);
        for (int i = 0; i < 3; i++) {
            rig.engine.execute(new SubmitOrder(OrderRequest.limit(ACC, BotId.NONE, INFY, Side.BUY, 5 + i,
                    1_480_00 + i * 5, Product.CNC)));
        }
        OrderId outside = rig.engine.execute(new SubmitOrder(OrderRequest.limit(AccountId.of("other"), BotId.NONE,
                INFY, Side.BUY, 4, 1_470_00, Product.CNC))).orderId().orElseThrow();
        rig.engine.execute(new ActivateKillSwitch(ACC, BotId.NONE, "runaway", false, "risk-officer"));

        Rig restarted = rig.restarted(limits());

        assertThat(restarted.engine.tradingState(ACC)).isEqualTo(TradingState.HALTED);
        List<Order> working = restarted.engine.inFlightOrders();
        assertThat(working).filteredOn(o -> o.account().equals(ACC)).hasSize(3)
                .allSatisfy(o -> assertThat(restarted.engine.cancelRequested(o.id()))
                        .hasValueSatisfying(reason -> assertThat(reason).contains("kill switch: runaway")));
        assertThat(restarted.engine.cancelRequested(outside)).isEmpty();
    }

    // ------------------------------------------------------------------ bots

    /** A started engine with one account and the buyer bot running, buying {@code qty} when flat. */
    private static Rig withRunningBuyer(long qty) {
        Rig rig = new Rig(OPEN, limits());
        rig.engine.execute(new OpenAccount(ACC, 10_00_000_00L, "ops"));
        rig.engine.execute(new CreateBot(buyer(BOT, qty), "ops"));
        rig.engine.execute(new BotCommand(BOT, BotCommand.Action.START, "", "ops"));
        rig.engine.start();
        return rig;
    }

    private static BotDefinition buyer(BotId id, long qty) {
        return new BotDefinition(id, ACC, "buy-when-flat", Map.of("qty", Long.toString(qty)), List.of(INFY),
                BarInterval.ONE_MINUTE);
    }

    @Test
    void aStoppedAndRestartedBotKeepsItsPositionAndDoesNotEnterTwice() {
        Rig rig = withRunningBuyer(7);
        rig.minute(INFY, 1_500_00);
        rig.fillEverything(1_500_00);
        assertThat(rig.engine.botPosition(BOT, INFY)).isEqualTo(7);

        rig.engine.execute(new BotCommand(BOT, BotCommand.Action.STOP, "", "ops"));
        rig.minute(INFY, 1_501_00);
        rig.engine.execute(new BotCommand(BOT, BotCommand.Action.START, "", "ops"));
        rig.minute(INFY, 1_502_00);
        assertThat(rig.engine.botPosition(BOT, INFY)).isEqualTo(7);
        assertThat(rig.venue.submitted).hasSize(1);

        Rig restarted = rig.restarted(limits());
        restarted.engine.start();
        assertThat(restarted.engine.botState(BOT)).contains(BotState.RUNNING);
        assertThat(restarted.engine.botPosition(BOT, INFY)).isEqualTo(7);
        restarted.minute(INFY, 1_503_00);
        assertThat(restarted.venue.submitted).isEmpty();
        assertThat(restarted.engine.botBook(BOT).orElseThrow().chargesPaid()).isEqualTo(20_00);
    }

    @Test
    void botsCreatedAtRunTimeComeBackWithTheirStateAfterARestart() {
        Rig rig = new Rig(OPEN, limits());
        rig.engine.execute(new OpenAccount(ACC, 10_00_000_00L, "ops"));
        rig.engine.start();
        BotId paused = BotId.of("paused");
        BotId stopped = BotId.of("stopped");
        BotId deleted = BotId.of("deleted");
        for (BotId id : List.of(BOT, paused, stopped, deleted)) {
            assertThat(rig.engine.execute(new CreateBot(buyer(id, 2), "ops")).accepted()).isTrue();
            rig.engine.execute(new BotCommand(id, BotCommand.Action.START, "", "ops"));
        }
        rig.engine.execute(new BotCommand(paused, BotCommand.Action.PAUSE, "lunch", "ops"));
        rig.engine.execute(new BotCommand(stopped, BotCommand.Action.STOP, "", "ops"));
        rig.engine.execute(new BotCommand(deleted, BotCommand.Action.DELETE, "", "ops"));

        Rig restarted = rig.restarted(limits());
        restarted.engine.start();

        assertThat(restarted.engine.bots()).containsExactly(BOT, paused, stopped);
        assertThat(restarted.engine.botState(BOT)).contains(BotState.RUNNING);
        assertThat(restarted.engine.botState(paused)).contains(BotState.PAUSED);
        assertThat(restarted.engine.botState(stopped)).contains(BotState.STOPPED);
        assertThat(restarted.engine.botDefinition(paused)).contains(buyer(paused, 2));
        assertThat(restarted.engine.execute(new CreateBot(buyer(deleted, 2), "ops")).reasonCode())
                .isEqualTo("BOT_EXISTS");
        // Only the running bot trades on the next bar.
        restarted.minute(INFY, 1_500_00);
        assertThat(restarted.venue.submitted).extracting(Order::bot).containsExactly(BOT);
    }

    @Test
    void resumeLiftsAPauseButNeverAHaltTheRiskEnginePutOnTheBot() {
        Rig rig = withRunningBuyer(2);
        rig.engine.execute(new ActivateKillSwitch(ACC, BOT, "bot misbehaves", false, "risk-officer"));
        rig.engine.execute(new BotCommand(BOT, BotCommand.Action.PAUSE, "", "ops"));
        rig.engine.execute(new BotCommand(BOT, BotCommand.Action.RESUME, "", "ops"));

        assertThat(rig.engine.botState(BOT)).contains(BotState.RUNNING);
        assertThat(rig.engine.tradingState(ACC, BOT)).isEqualTo(TradingState.HALTED);
        rig.minute(INFY, 1_500_00);
        assertThat(rig.venue.submitted).isEmpty();
    }

    @Test
    void aBotWhoseStrategyCanNoLongerBeBuiltIsStoppedWithAnAlertOnRestart() {
        Rig rig = withRunningBuyer(2);

        Rig restarted = new Rig(OPEN, limits());
        restarted.engine.useStrategies((name, params) -> {
            throw new IllegalArgumentException("unknown strategy '" + name + "'");
        });
        rig.events.forEach(restarted.engine::recover);
        restarted.engine.start();

        assertThat(restarted.engine.botState(BOT)).contains(BotState.STOPPED);
        assertThat(restarted.alert("BOT_STRATEGY_UNAVAILABLE")).hasValueSatisfying(
                a -> assertThat(a.message()).contains("unknown strategy 'buy-when-flat'"));
    }

    // ------------------------------------------------------------------ the journal is checked

    @Test
    void refusesAJournalWhosePositionDisagreesWithItsFills() {
        Rig rig = Rig.holding(TCS, 3, 3_000_00);
        List<Event> forged = new ArrayList<>(rig.events);
        int at = forged.size() - 1;
        PositionChanged p = (PositionChanged) forged.get(at);
        forged.set(at, new PositionChanged(p.sequence(), p.time(), p.account(), p.bot(), p.causationId(), p.symbol(),
                p.product(), 8, p.costBasis(), p.averagePrice(), p.realizedPnl()));

        Rig restarted = new Rig(OPEN, limits());
        assertThatThrownBy(() -> forged.forEach(restarted.engine::recover))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("says acc holds 8 TCS CNC")
                .hasMessageContaining("its fills make 3");
    }
}
