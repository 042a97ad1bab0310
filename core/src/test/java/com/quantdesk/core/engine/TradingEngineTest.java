package com.quantdesk.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quantdesk.core.command.BotCommand;
import com.quantdesk.core.command.CancelOrder;
import com.quantdesk.core.command.CommandResult;
import com.quantdesk.core.command.ResetKillSwitch;
import com.quantdesk.core.command.SetTradingState;
import com.quantdesk.core.command.SubmitOrder;
import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.Bar;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.Instrument;
import com.quantdesk.core.domain.OrderId;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.event.Event;
import com.quantdesk.core.event.OrderAccepted;
import com.quantdesk.core.event.OrderCancelled;
import com.quantdesk.core.event.OrderDenied;
import com.quantdesk.core.event.OrderEvent;
import com.quantdesk.core.event.OrderFilled;
import com.quantdesk.core.event.OrderSubmitted;
import com.quantdesk.core.event.PositionChanged;
import com.quantdesk.core.event.TradingStateChanged;
import com.quantdesk.core.order.OrderRequest;
import com.quantdesk.core.order.OrderStatus;
import com.quantdesk.core.risk.TradingState;
import com.quantdesk.core.strategy.Strategy;
import com.quantdesk.core.strategy.StrategyContext;
import com.quantdesk.core.testing.RecordingGateway;
import com.quantdesk.core.time.ManualClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TradingEngineTest {

    private static final AccountId ACC = AccountId.of("acc");
    private static final BotId BOT = BotId.of("bot");
    private static final Symbol INFY = Symbol.of("INFY");
    private static final Instant T0 = Instant.parse("2026-01-05T03:45:00Z");
    private static final Map<Symbol, Instrument> MASTER = Map.of(INFY,
            Instrument.nseEquity("INFY", 10, "Information Technology"));

    private final ManualClock clock = new ManualClock(T0);
    private final List<Event> events = new ArrayList<>();
    private RecordingGateway gateway;
    private TradingEngine engine;

    @BeforeEach
    void setUp() {
        gateway = RecordingGateway.autoAccepting();
        engine = new TradingEngine(clock, gateway, s -> Optional.ofNullable(MASTER.get(s)));
        engine.addListener(events::add);
        engine.openAccount(ACC, 1_00_000_00L);
    }

    private CommandResult buy(long quantity) {
        return engine.execute(new SubmitOrder(OrderRequest.market(ACC, BotId.NONE, INFY, Side.BUY, quantity,
                Product.CNC)));
    }

    @Test
    void submittedOrderIsAnnouncedBeforeTheVenueAnswersAndFillsMovePosition() {
        CommandResult result = buy(10);
        assertThat(result.accepted()).isTrue();
        OrderId id = result.orderId().orElseThrow();
        assertThat(id.value()).isEqualTo(1);
        assertThat(gateway.submitted()).singleElement().extracting(o -> o.status()).isEqualTo(OrderStatus.SUBMITTED);

        clock.set(T0.plusSeconds(60));
        gateway.reports().filled(id, "F1", 10, 1_500_00, 12_34);

        assertThat(events).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("OrderSubmitted", "OrderAccepted", "OrderFilled", "PositionChanged");
        assertThat(events).extracting(Event::sequence).containsExactly(1L, 2L, 3L, 4L);
        assertThat(events).allSatisfy(e -> assertThat(e.causationId()).isEqualTo(1));
        OrderFilled fill = (OrderFilled) events.get(2);
        assertThat(fill.time()).isEqualTo(T0.plusSeconds(60));
        assertThat(fill.remaining()).isZero();
        PositionChanged position = (PositionChanged) events.get(3);
        assertThat(position.quantity()).isEqualTo(10);
        assertThat(position.averagePrice()).isEqualTo(1_500_00);
        assertThat(engine.portfolio(ACC).cash()).isEqualTo(1_00_000_00L - 15_000_00L - 12_34);
        assertThat(engine.openOrders()).isEmpty();
    }

    @Test
    void preTradeCheckDenialIsAnEventAndNothingReachesTheVenue() {
        engine.addPreTradeCheck((request, view) -> request.quantity() > 5
                ? PreTradeDecision.deny("RISK_MAX_ORDER_QUANTITY", "too many", 5, request.quantity())
                : PreTradeDecision.ALLOW);
        CommandResult result = buy(6);
        assertThat(result.accepted()).isFalse();
        assertThat(result.reasonCode()).isEqualTo("RISK_MAX_ORDER_QUANTITY");
        assertThat(gateway.submitted()).isEmpty();
        OrderDenied denied = (OrderDenied) events.getFirst();
        assertThat(denied.order().status()).isEqualTo(OrderStatus.DENIED);
        assertThat(denied.limit()).isEqualTo(5);
        assertThat(denied.attempted()).isEqualTo(6);
        assertThat(buy(5).accepted()).isTrue();
    }

    @Test
    void deniesUnknownInstrumentsAndCncShortSales() {
        CommandResult unknown = engine.execute(new SubmitOrder(OrderRequest.market(ACC, BotId.NONE, Symbol.of("XYZ"),
                Side.BUY, 1, Product.CNC)));
        assertThat(unknown.reasonCode()).isEqualTo("ORDER_UNKNOWN_INSTRUMENT");
        CommandResult shortSale = engine.execute(new SubmitOrder(OrderRequest.market(ACC, BotId.NONE, INFY, Side.SELL,
                1, Product.CNC)));
        assertThat(shortSale.reasonCode()).isEqualTo("ORDER_CNC_SHORT_SELL");
        CommandResult misShort = engine.execute(new SubmitOrder(OrderRequest.market(ACC, BotId.NONE, INFY, Side.SELL,
                1, Product.MIS)));
        assertThat(misShort.accepted()).isTrue();
    }

    @Test
    void haltedAccountRefusesNewOrdersButAllowsCancelsAndReducingAllowsOnlyReductions() {
        OrderId resting = buy(10).orderId().orElseThrow();
        gateway.reports().filled(resting, "F1", 4, 1_500_00, 0);
        engine.execute(new SetTradingState(ACC, TradingState.HALTED, "test", "tester"));
        assertThat(buy(1).reasonCode()).isEqualTo("RISK_HALTED");
        assertThat(engine.execute(new CancelOrder(resting, "halt")).accepted()).isTrue();
        assertThat(events).filteredOn(OrderCancelled.class::isInstance).singleElement()
                .extracting(e -> ((OrderCancelled) e).remaining()).isEqualTo(6L);

        assertThat(engine.execute(new SetTradingState(ACC, TradingState.REDUCING, "test", "tester")).reasonCode())
                .isEqualTo("RISK_RESET_REQUIRED");
        assertThat(engine.execute(new ResetKillSwitch(ACC, BotId.NONE, "checked", "tester")).accepted()).isTrue();
        engine.execute(new SetTradingState(ACC, TradingState.REDUCING, "test", "tester"));
        assertThat(buy(1).reasonCode()).isEqualTo("RISK_REDUCING_ONLY");
        OrderRequest sellFive = OrderRequest.market(ACC, BotId.NONE, INFY, Side.SELL, 5, Product.CNC);
        // Selling more than is held would flip the position: not a reduction.
        assertThat(engine.execute(new SubmitOrder(sellFive)).reasonCode()).isEqualTo("RISK_REDUCING_ONLY");
        OrderRequest sellFour = OrderRequest.market(ACC, BotId.NONE, INFY, Side.SELL, 4, Product.CNC);
        assertThat(engine.execute(new SubmitOrder(sellFour)).accepted()).isTrue();
        assertThat(events).filteredOn(TradingStateChanged.class::isInstance)
                .extracting(e -> ((TradingStateChanged) e).current())
                .containsExactly(TradingState.HALTED, TradingState.ACTIVE, TradingState.REDUCING);
    }

    @Test
    void globalStateOverridesAnActiveAccount() {
        engine.execute(new SetTradingState(AccountId.SYSTEM, TradingState.HALTED, "maintenance", "ops"));
        assertThat(engine.tradingState(ACC)).isEqualTo(TradingState.HALTED);
        assertThat(buy(1).reasonCode()).isEqualTo("RISK_HALTED");
        engine.execute(new ResetKillSwitch(AccountId.SYSTEM, BotId.NONE, "done", "ops"));
        assertThat(buy(1).accepted()).isTrue();
    }

    @Test
    void strategyCallbacksRunAfterTheStepThatCausedThemAndSeeConsistentState() {
        List<String> seen = new ArrayList<>();
        Strategy strategy = new Strategy() {
            @Override
            public void onBar(StrategyContext ctx, Bar bar) {
                if (ctx.position(INFY) == 0 && ctx.openOrders(INFY).isEmpty()) {
                    ctx.market(INFY, Side.BUY, 3, Product.MIS);
                }
            }

            @Override
            public void onOrderEvent(StrategyContext ctx, OrderEvent event) {
                seen.add(event.getClass().getSimpleName() + "@" + ctx.position(INFY));
            }

            @Override
            public void onFill(StrategyContext ctx, OrderFilled fill) {
                seen.add("fill " + fill.quantity() + " cash " + ctx.cash());
            }
        };
        engine.addBot(BOT, ACC, strategy, List.of(INFY));
        engine.start();
        engine.onBar(new Bar(INFY, T0, 1_500_00, 1_510_00, 1_490_00, 1_505_00, 1000));
        OrderId id = gateway.submitted().getFirst().id();
        gateway.reports().filled(id, "F1", 3, 1_506_00, 0);
        assertThat(seen).containsExactly("OrderSubmitted@0", "OrderAccepted@0", "OrderFilled@3",
                "fill 3 cash " + (1_00_000_00L - 3 * 1_506_00L));
        assertThat(events.get(0)).isInstanceOf(OrderSubmitted.class);
        assertThat(events.get(1)).isInstanceOf(OrderAccepted.class);
        assertThat(engine.portfolio(ACC).equity()).isEqualTo(1_00_000_00L);
    }

    @Test
    void botsTakeOnlyTheBarsOfTheirIntervalAndARemovedBotTakesNone() {
        List<String> seen = new ArrayList<>();
        class Recorder implements Strategy {
            private final String name;

            Recorder(String name) {
                this.name = name;
            }

            @Override
            public void onBar(StrategyContext ctx, Bar bar) {
                seen.add(name + "@" + bar.close());
            }

            @Override
            public void onStop(StrategyContext ctx) {
                seen.add(name + " stopped");
            }
        }
        engine.addBot(BotId.of("one"), ACC, new Recorder("one"), List.of(INFY),
                com.quantdesk.core.market.BarInterval.ONE_MINUTE);
        engine.addBot(BotId.of("five"), ACC, new Recorder("five"), List.of(INFY),
                com.quantdesk.core.market.BarInterval.FIVE_MINUTES);
        engine.addBot(BotId.of("any"), ACC, new Recorder("any"), List.of(INFY));
        engine.start();
        engine.onBar(new Bar(INFY, T0, 100_00, 100_00, 100_00, 100_00, 1),
                com.quantdesk.core.market.BarInterval.ONE_MINUTE);
        engine.onBar(new Bar(INFY, T0, 200_00, 200_00, 200_00, 200_00, 1),
                com.quantdesk.core.market.BarInterval.FIVE_MINUTES);
        assertThat(engine.execute(new BotCommand(BotId.of("one"), BotCommand.Action.DELETE, "", "test")).accepted())
                .isTrue();
        assertThat(engine.execute(new BotCommand(BotId.of("one"), BotCommand.Action.DELETE, "", "test")).reasonCode())
                .isEqualTo("BOT_UNKNOWN");
        engine.onBar(new Bar(INFY, T0, 300_00, 300_00, 300_00, 300_00, 1),
                com.quantdesk.core.market.BarInterval.ONE_MINUTE);
        engine.onBar(new Bar(INFY, T0, 400_00, 400_00, 400_00, 400_00, 1));
        assertThat(seen).containsExactly("one@10000", "any@10000", "five@20000", "any@20000", "one stopped",
                "any@30000", "five@40000", "any@40000");
        assertThat(engine.bots()).containsExactly(BotId.of("five"), BotId.of("any"));
        assertThat(engine.lastPrice(INFY)).isEqualTo(400_00);
    }

    @Test
    void warmUpBarsReachTheBotsButNothingTradesOnThem() {
        List<String> seen = new ArrayList<>();
        engine.addBot(BOT, ACC, new Strategy() {
            @Override
            public void onBar(StrategyContext ctx, Bar bar) {
                Optional<OrderId> id = ctx.market(INFY, Side.BUY, 1, Product.CNC);
                seen.add(bar.close() + (id.isPresent() ? " ordered" : " refused"));
            }
        }, List.of(INFY), com.quantdesk.core.market.BarInterval.ONE_MINUTE);
        engine.start();
        engine.warmUp(new Bar(INFY, T0, 100_00, 100_00, 100_00, 100_00, 1),
                com.quantdesk.core.market.BarInterval.ONE_MINUTE);
        engine.warmUp(new Bar(INFY, T0, 150_00, 150_00, 150_00, 150_00, 1),
                com.quantdesk.core.market.BarInterval.FIVE_MINUTES);
        assertThat(events).isEmpty();
        assertThat(gateway.submitted()).isEmpty();
        assertThat(engine.lastPrice(INFY)).isZero();

        engine.onBar(new Bar(INFY, T0, 200_00, 200_00, 200_00, 200_00, 1),
                com.quantdesk.core.market.BarInterval.ONE_MINUTE);
        assertThat(seen).containsExactly("10000 refused", "20000 ordered");
        assertThat(gateway.submitted()).hasSize(1);
    }

    @Test
    void reEntrantExecuteFromAStrategyIsABug() {
        engine.isolateStrategyFailures(false);
        engine.addBot(BOT, ACC, (ctx, bar) -> engine.execute(new SubmitOrder(
                OrderRequest.market(ACC, BOT, INFY, Side.BUY, 1, Product.CNC))), List.of(INFY));
        assertThatThrownBy(() -> engine.onBar(new Bar(INFY, T0, 100, 100, 100, 100, 1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("re-entrantly");
    }

    @Test
    void engineLoopAnswersCommandsFromOtherThreads() throws Exception {
        try (EngineLoop loop = new EngineLoop(engine, "engine-test")) {
            CommandResult result = loop.submit(new SubmitOrder(OrderRequest.market(ACC, BotId.NONE, INFY, Side.BUY,
                    2, Product.CNC))).get(5, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(result.accepted()).isTrue();
            Boolean onEngineThread = loop.call(e -> loop.isEngineThread()).get(5, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(onEngineThread).isTrue();
            assertThat(loop.isEngineThread()).isFalse();
            int open = loop.call(e -> e.openOrders().size()).get(5, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(open).isEqualTo(1);
        }
    }
}
