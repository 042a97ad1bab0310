package com.quantdesk.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.quantdesk.core.bot.BotState;
import com.quantdesk.core.command.BotCommand;
import com.quantdesk.core.command.SubmitOrder;
import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.Bar;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.Instrument;
import com.quantdesk.core.domain.OrderId;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.event.BotStateChanged;
import com.quantdesk.core.event.Event;
import com.quantdesk.core.event.OrderFilled;
import com.quantdesk.core.event.PositionChanged;
import com.quantdesk.core.event.RiskAlert;
import com.quantdesk.core.order.OrderRequest;
import com.quantdesk.core.risk.RiskEngine;
import com.quantdesk.core.risk.RiskLimits;
import com.quantdesk.core.risk.TradingState;
import com.quantdesk.core.strategy.Strategy;
import com.quantdesk.core.strategy.StrategyContext;
import com.quantdesk.core.testing.RecordingGateway;
import com.quantdesk.core.testing.StepRecorder;
import com.quantdesk.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A strategy that throws pauses only its bot; a failure in a step never drops what the step queued. */
class EngineFailuresTest {

    private static final AccountId ACC = AccountId.of("acc");
    private static final BotId BAD = BotId.of("bad");
    private static final BotId GOOD = BotId.of("good");
    private static final Symbol INFY = Symbol.of("INFY");
    private static final Instant T0 = Instant.parse("2026-01-05T04:30:00Z");

    private final ManualClock clock = new ManualClock(T0);
    private final List<Event> events = new ArrayList<>();
    private final RecordingGateway gateway = RecordingGateway.autoAccepting();
    private TradingEngine engine;

    @BeforeEach
    void setUp() {
        engine = new TradingEngine(clock, gateway, s -> Optional.of(Instrument.nseEquity(s.value(), 5, "IT")));
        engine.addListener(events::add);
        engine.openAccount(ACC, 1_00_000_00L);
    }

    private void bar(long close) {
        clock.advance(Duration.ofMinutes(1));
        engine.onBar(new Bar(INFY, clock.instant(), close, close, close, close, 1_000));
    }

    /** Buys one share on every bar. */
    private static Strategy buyer(List<String> seen, String name) {
        return (ctx, bar) -> {
            seen.add(name + "@" + bar.close());
            ctx.market(INFY, Side.BUY, 1, Product.CNC);
        };
    }

    @Test
    void aThrowingStrategyPausesItsBotWithAnAlertWhileTheOthersGoOn() {
        List<String> seen = new ArrayList<>();
        engine.addBot(BAD, ACC, (ctx, bar) -> {
            seen.add("bad@" + bar.close());
            throw new ArithmeticException("/ by zero");
        }, List.of(INFY));
        engine.addBot(GOOD, ACC, buyer(seen, "good"), List.of(INFY));
        engine.start();

        bar(100_00);
        bar(101_00);

        assertThat(engine.botState(BAD)).contains(BotState.PAUSED);
        assertThat(engine.botState(GOOD)).contains(BotState.RUNNING);
        // A paused bot keeps its bars (its indicators stay warm); the good bot traded on both.
        assertThat(seen).containsExactly("bad@10000", "good@10000", "bad@10100", "good@10100");
        assertThat(gateway.submitted()).extracting(o -> o.bot()).containsExactly(GOOD, GOOD);
        assertThat(events).filteredOn(RiskAlert.class::isInstance).singleElement().satisfies(e -> {
            RiskAlert alert = (RiskAlert) e;
            assertThat(alert.code()).isEqualTo("BOT_STRATEGY_FAILED");
            assertThat(alert.bot()).isEqualTo(BAD);
            assertThat(alert.message()).contains("onBar", "ArithmeticException: / by zero", "paused");
        });
        assertThat(events).filteredOn(BotStateChanged.class::isInstance).singleElement().satisfies(e -> {
            BotStateChanged change = (BotStateChanged) e;
            assertThat(change.previous()).isEqualTo(BotState.RUNNING);
            assertThat(change.current()).isEqualTo(BotState.PAUSED);
            assertThat(change.actor()).isEqualTo("engine");
        });
        // The failure was a pause: resuming the bot lets it run again.
        assertThat(engine.execute(new BotCommand(BAD, BotCommand.Action.RESUME, "fixed", "ops")).accepted()).isTrue();
        assertThat(engine.botState(BAD)).contains(BotState.RUNNING);
    }

    @Test
    void aStrategyThrowingInOnFillIsPausedAndItsFillIsStillBooked() {
        engine.addBot(BAD, ACC, new Strategy() {
            @Override
            public void onBar(StrategyContext ctx, Bar bar) {
                ctx.market(INFY, Side.BUY, 3, Product.CNC);
            }

            @Override
            public void onFill(StrategyContext ctx, OrderFilled fill) {
                throw new IllegalStateException("cannot handle fills");
            }
        }, List.of(INFY));
        engine.start();
        bar(100_00);
        OrderId id = gateway.submitted().getFirst().id();

        gateway.reports().filled(id, "F1", 3, 100_00, 0);

        assertThat(engine.portfolio(ACC).quantity(INFY)).isEqualTo(3);
        assertThat(engine.botBook(BAD).orElseThrow().quantity(INFY)).isEqualTo(3);
        assertThat(engine.botState(BAD)).contains(BotState.PAUSED);
        assertThat(events).filteredOn(RiskAlert.class::isInstance).extracting(e -> ((RiskAlert) e).message())
                .singleElement().asString().contains("onFill", "cannot handle fills");
        // A paused bot's orders are denied, and that is visible as a denial.
        bar(101_00);
        assertThat(gateway.submitted()).hasSize(1);
    }

    @Test
    void anEngineFailureReachedThroughAStrategyIsNotBlamedOnTheStrategy() {
        engine.addPreTradeCheck((request, view) -> {
            throw new IllegalStateException("broken check");
        });
        engine.addBot(BAD, ACC, buyer(new ArrayList<>(), "x"), List.of(INFY));
        engine.start();

        assertThatThrownBy(() -> bar(100_00)).isInstanceOf(IllegalStateException.class).hasMessage("broken check");
        assertThat(engine.botState(BAD)).contains(BotState.RUNNING);
        assertThat(events).noneMatch(RiskAlert.class::isInstance);
    }

    @Test
    void aStrategyFailureFailsABacktestWhenFailuresAreNotIsolated() {
        engine.isolateStrategyFailures(false);
        engine.addBot(BAD, ACC, (ctx, bar) -> {
            throw new ArithmeticException("/ by zero");
        }, List.of(INFY));
        engine.start();
        assertThatThrownBy(() -> bar(100_00)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void aFailureInAStepStillRunsTheRiskActionsTheStepQueued() {
        RiskEngine risk = new RiskEngine(RiskLimits.defaults().with("maxDailyLoss", "100").with("staleDataAfter", "0s")
                .with("dailyLossState", "HALTED"));
        engine.attachRisk(risk);
        engine.start();
        bar(1_000_00);
        engine.onTime(); // the session starts: its baseline is the equity now
        OrderId id = engine.execute(new SubmitOrder(OrderRequest.market(ACC, BotId.NONE, INFY, Side.BUY, 10,
                Product.CNC))).orderId().orElseThrow();
        bar(1_000_00);
        // A listener after the risk engine fails on the fill's position event. The fill costs 200
        // rupees of charges, past the 100-rupee daily-loss limit: risk queued an alert and a halt.
        engine.addListener(event -> {
            if (event instanceof PositionChanged) {
                throw new IllegalStateException("listener broke");
            }
        });

        assertThatThrownBy(() -> gateway.reports().filled(id, "F1", 10, 1_000_00, 200_00))
                .isInstanceOf(IllegalStateException.class).hasMessage("listener broke");

        assertThat(engine.tradingState(ACC)).isEqualTo(TradingState.HALTED);
        assertThat(events).filteredOn(RiskAlert.class::isInstance).extracting(e -> ((RiskAlert) e).code())
                .containsExactly("RISK_MAX_DAILY_LOSS");
    }

    @Test
    void anErrorStopsTheEngineLoopAndEveryCallerIsRefusedAtOnce() throws Exception {
        AtomicReference<Throwable> stopped = new AtomicReference<>();
        try (EngineLoop loop = new EngineLoop(engine, "engine-failure-test", stopped::set)) {
            CompletableFuture<Object> dying = loop.call(e -> {
                throw new StackOverflowError("deep");
            });
            assertThatThrownBy(() -> dying.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(EngineStoppedException.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> stopped.get() != null);
            assertThat(stopped.get()).isInstanceOf(StackOverflowError.class);
            assertThat(loop.stoppedBy()).isSameAs(stopped.get());

            CompletableFuture<?> order = loop.submit(new SubmitOrder(OrderRequest.market(ACC, BotId.NONE, INFY,
                    Side.BUY, 1, Product.CNC)));
            assertThat(order).isCompletedExceptionally();
            assertThatThrownBy(() -> order.get(0, TimeUnit.SECONDS)).hasCauseInstanceOf(EngineStoppedException.class)
                    .hasMessageContaining("no orders are accepted");
            assertThatThrownBy(() -> loop.execute(e -> { })).isInstanceOf(EngineStoppedException.class);
        }
        assertThat(gateway.submitted()).isEmpty();
    }

    @Test
    void aMessageRunsUnderItsSendersCorrelationIdAndOthersUnderNone() throws Exception {
        try (EngineLoop loop = new EngineLoop(engine, "engine-correlation-test")) {
            CompletableFuture<String> asked;
            org.slf4j.MDC.put(CorrelationScope.MDC_KEY, "abc123");
            try {
                asked = loop.call(e -> CorrelationScope.current());
            } finally {
                org.slf4j.MDC.remove(CorrelationScope.MDC_KEY);
            }
            CompletableFuture<String> unasked = loop.call(e -> String.valueOf(CorrelationScope.current()));

            assertThat(asked.get(5, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("abc123");
            assertThat(unasked.get(5, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("null");
        }
    }

    @Test
    void anExceptionInAMessageIsJournaledAsAnAlertAndTheLoopGoesOn() throws Exception {
        try (EngineLoop loop = new EngineLoop(engine, "engine-error-test")) {
            CompletableFuture<Object> refused = loop.call(e -> {
                throw new IllegalArgumentException("no bot x");
            });
            assertThatThrownBy(() -> refused.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalArgumentException.class);
            CompletableFuture<Object> broken = loop.call(e -> {
                throw new IllegalStateException("broken invariant");
            });
            assertThatThrownBy(() -> broken.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class);
            loop.execute(e -> {
                throw new NullPointerException("unanswered");
            });
            assertThat(loop.submit(new SubmitOrder(OrderRequest.market(ACC, BotId.NONE, INFY, Side.BUY, 1,
                    Product.CNC))).get(10, TimeUnit.SECONDS).accepted()).isTrue();
        }
        // The refusal went to its caller alone; the broken invariant and the failure nobody was waiting
        // for are alerts.
        assertThat(events).filteredOn(RiskAlert.class::isInstance).extracting(e -> ((RiskAlert) e).message())
                .hasSize(2).allMatch(m -> m.contains("broken invariant") || m.contains("unanswered"));
    }

    @Test
    void aListenerThatFailsBeforeTheJournalDoesNotCostTheJournalItsEvent() {
        List<List<Event>> journaled = new ArrayList<>();
        boolean[] broken = {false};
        engine.addListener(event -> {
            if (event instanceof com.quantdesk.core.event.OrderSubmitted && !broken[0]) {
                broken[0] = true;
                throw new IllegalStateException("listener broke");
            }
        });
        engine.addListener(new com.quantdesk.core.journal.JournalFeed(new StepRecorder(journaled)));
        engine.start();
        bar(100_00);

        assertThatThrownBy(() -> engine.execute(new SubmitOrder(OrderRequest.market(ACC, BotId.NONE, INFY, Side.BUY,
                1, Product.CNC)))).hasMessage("listener broke");
        engine.execute(new SubmitOrder(OrderRequest.limit(ACC, BotId.NONE, INFY, Side.BUY, 1, 99_00, Product.CNC)));

        // Both orders' steps reached the journal whole and in sequence, and the first order still went
        // to the venue: the state and the journal say it was submitted.
        assertThat(journaled.stream().flatMap(List::stream).map(Event::sequence).toList())
                .isEqualTo(events.stream().map(Event::sequence).toList()).containsExactly(1L, 2L, 3L, 4L);
        assertThat(gateway.submitted()).hasSize(2);
    }

    @Test
    void anErrorInAStepHandsNothingOnAndLeavesTheEngineUsableForItsCaller() {
        List<List<Event>> journaled = new ArrayList<>();
        engine.addListener(new com.quantdesk.core.journal.JournalFeed(new StepRecorder(journaled)));
        engine.addListener(event -> {
            if (event instanceof com.quantdesk.core.event.OrderAccepted) {
                throw new OutOfMemoryError("simulated");
            }
        });
        engine.start();
        bar(100_00);

        assertThatThrownBy(() -> engine.execute(new SubmitOrder(OrderRequest.market(ACC, BotId.NONE, INFY, Side.BUY,
                1, Product.CNC)))).isInstanceOf(OutOfMemoryError.class);

        // The submission and its acknowledgement were one step; it died, so the journal got neither.
        assertThat(journaled).isEmpty();
        assertThatThrownBy(() -> engine.execute(new SubmitOrder(OrderRequest.market(ACC, BotId.NONE, INFY,
                Side.BUY, 1, Product.CNC)))).isInstanceOf(OutOfMemoryError.class);
    }

    @Test
    void aVenueRejectAfterTheAcknowledgementIsIgnoredAndTheOrderKeepsWorking() {
        engine.start();
        bar(100_00);
        OrderId id = engine.execute(new SubmitOrder(OrderRequest.limit(ACC, BotId.NONE, INFY, Side.BUY, 1, 99_00,
                Product.CNC))).orderId().orElseThrow();
        int before = events.size();

        gateway.reports().rejected(id, "VENUE_LATE", "after the acknowledgement");

        assertThat(events).hasSize(before);
        assertThat(engine.openOrder(id)).isPresent();
    }

    @Test
    void stateCommandsForAnUnknownAccountAreRefusedNotFailures() {
        AccountId nobody = AccountId.of("nobody");
        assertThat(engine.execute(new com.quantdesk.core.command.SetTradingState(nobody,
                com.quantdesk.core.risk.TradingState.HALTED, "x", "ops")).reasonCode())
                .isEqualTo("ORDER_UNKNOWN_ACCOUNT");
        assertThat(engine.execute(new com.quantdesk.core.command.ActivateKillSwitch(nobody, BotId.NONE, "x", false,
                "ops")).reasonCode()).isEqualTo("ORDER_UNKNOWN_ACCOUNT");
        assertThat(events).isEmpty();
    }
}
