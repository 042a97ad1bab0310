package com.quantdesk.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quantdesk.core.command.CancelOrder;
import com.quantdesk.core.command.CommandResult;
import com.quantdesk.core.command.SetBanList;
import com.quantdesk.core.command.SetBotLimits;
import com.quantdesk.core.command.SetRiskLimits;
import com.quantdesk.core.command.SetTradingState;
import com.quantdesk.core.command.SubmitOrder;
import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.Bar;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.Instrument;
import com.quantdesk.core.domain.OrderType;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.domain.Validity;
import com.quantdesk.core.event.Event;
import com.quantdesk.core.order.Order;
import com.quantdesk.core.order.OrderRequest;
import com.quantdesk.core.risk.BotLimits;
import com.quantdesk.core.risk.RiskEngine;
import com.quantdesk.core.risk.RiskLimits;
import com.quantdesk.core.risk.TradingState;
import com.quantdesk.core.testing.RecordingGateway;
import com.quantdesk.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EngineRecoveryTest {

    private static final AccountId ACC = AccountId.of("acc");
    private static final BotId B1 = BotId.of("b1");
    private static final List<Symbol> SYMBOLS = List.of(Symbol.of("INFY"), Symbol.of("TCS"), Symbol.of("SBIN"));
    private static final Instant START = Instant.parse("2026-01-05T04:30:00Z"); // 10:00 IST

    private static Optional<Instrument> instrument(Symbol s) {
        return SYMBOLS.contains(s) ? Optional.of(Instrument.nseEquity(s.value(), 5, "Sector " + s.value().charAt(0)))
                : Optional.empty();
    }

    private record Rig(ManualClock clock, RecordingGateway gateway, TradingEngine engine, RiskEngine risk,
                       List<Event> events) {
    }

    private static Rig rig() {
        ManualClock clock = new ManualClock(START);
        RecordingGateway gateway = RecordingGateway.autoAccepting();
        TradingEngine engine = new TradingEngine(clock, gateway, EngineRecoveryTest::instrument);
        RiskEngine risk = new RiskEngine(RiskLimits.defaults().with("staleDataAfter", "0s"));
        engine.attachRisk(risk);
        engine.openAccount(ACC, 10_00_000_00L);
        engine.addBot(B1, ACC, (ctx, bar) -> { }, List.of());
        List<Event> events = new ArrayList<>();
        engine.addListener(events::add);
        return new Rig(clock, gateway, engine, risk, events);
    }

    /** A random but reproducible session: bars, orders of every kind, fills, cancels, states, limits. */
    private static void trade(Rig rig, long seed, int steps) {
        Random random = new Random(seed);
        long[] prices = {1_500_00, 3_500_00, 800_00};
        for (int step = 0; step < steps; step++) {
            rig.clock.advance(Duration.ofSeconds(1 + random.nextInt(30)));
            rig.engine.onTime();
            int i = random.nextInt(SYMBOLS.size());
            Symbol symbol = SYMBOLS.get(i);
            switch (random.nextInt(7)) {
                case 0, 1 -> {
                    prices[i] = Math.max(100_00, prices[i] + (random.nextInt(21) - 10) * 5L);
                    rig.engine.onBar(new Bar(symbol, rig.clock.instant(), prices[i], prices[i], prices[i], prices[i],
                            1000));
                }
                case 2, 3 -> {
                    Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
                    boolean limit = random.nextBoolean();
                    OrderRequest request = new OrderRequest(ACC, BotId.NONE, symbol, side,
                            limit ? OrderType.LIMIT : OrderType.MARKET, Product.MIS, Validity.DAY,
                            1 + random.nextInt(20), limit ? prices[i] : 0, 0, 0, "");
                    rig.engine.execute(new SubmitOrder(request));
                }
                case 4 -> {
                    List<Order> open = rig.engine.openOrders();
                    if (!open.isEmpty()) {
                        Order o = open.get(random.nextInt(open.size()));
                        long qty = 1 + random.nextInt((int) o.remainingQuantity());
                        rig.gateway.reports().filled(o.id(), "F" + step, qty, prices[SYMBOLS.indexOf(o.symbol())],
                                random.nextInt(50));
                    }
                }
                case 5 -> {
                    List<Order> open = rig.engine.openOrders();
                    if (!open.isEmpty()) {
                        rig.engine.execute(new CancelOrder(open.getFirst().id(), "test"));
                    }
                }
                default -> {
                    switch (random.nextInt(4)) {
                        case 0 -> rig.engine.execute(new SetTradingState(ACC, TradingState.REDUCING, "t", "tester"));
                        case 1 -> rig.engine.execute(new SetTradingState(ACC, TradingState.ACTIVE, "t", "tester"));
                        case 2 -> rig.engine.execute(new SetRiskLimits(ACC,
                                Map.of("maxOrderQuantity", Integer.toString(5 + random.nextInt(30))), "tester"));
                        default -> rig.engine.execute(new SetBotLimits(ACC, B1, Map.of("maxOrderQuantity",
                                Integer.toString(random.nextInt(10)), "maxOrderValue", random.nextInt(3) + "000.50"),
                                "tester"));
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void recoveredEngineHasTheLiveEnginesStateAndContinuesIdentically(long seed) {
        Rig live = rig();
        trade(live, seed, 300);
        live.engine.execute(new SetBanList(Set.of(Symbol.of("SBIN")), "fo_secban_05012026.csv", "ops"));

        Rig restored = rig();
        restored.clock.set(live.clock.instant());
        live.events.forEach(restored.engine::recover);

        assertThat(restored.engine.describeState()).isEqualTo(live.engine.describeState());
        assertThat(restored.engine.nextSequence()).isEqualTo(live.engine.nextSequence());
        assertThat(restored.engine.openOrders()).isEqualTo(live.engine.openOrders());
        assertThat(restored.engine.portfolio(ACC).cash()).isEqualTo(live.engine.portfolio(ACC).cash());
        assertThat(restored.engine.portfolio(ACC).chargesPaid()).isEqualTo(live.engine.portfolio(ACC).chargesPaid());
        assertThat(restored.engine.portfolio(ACC).realizedPnl()).isEqualTo(live.engine.portfolio(ACC).realizedPnl());
        assertThat(restored.engine.portfolio(ACC).openPositions().stream().map(p -> p.symbol() + ":" + p.quantity()
                + ":" + p.costBasis()).toList()).isEqualTo(live.engine.portfolio(ACC).openPositions().stream()
                .map(p -> p.symbol() + ":" + p.quantity() + ":" + p.costBasis()).toList());
        assertThat(restored.engine.tradingState(ACC)).isEqualTo(live.engine.tradingState(ACC));
        assertThat(restored.risk.limits(ACC)).isEqualTo(live.risk.limits(ACC));
        assertThat(restored.risk.botLimits(B1)).isEqualTo(live.risk.botLimits(B1));
        assertThat(restored.risk.banList()).containsExactly(Symbol.of("SBIN"));

        // Both continue with the same ids and the same answer.
        restored.engine.start();
        live.engine.start();
        OrderRequest next = OrderRequest.market(ACC, BotId.NONE, SYMBOLS.get(0), Side.BUY, 1, Product.MIS);
        CommandResult a = live.engine.execute(new SubmitOrder(next));
        CommandResult b = restored.engine.execute(new SubmitOrder(next));
        assertThat(b).isEqualTo(a);
        assertThat(restored.events.getLast().sequence()).isEqualTo(live.events.getLast().sequence());
    }

    @Test
    void botLimitsChangedAtRunTimeAreRestoredByReplayAndDecideTheSameOrdersAlike() {
        Rig live = rig();
        Symbol infy = SYMBOLS.getFirst();
        live.engine.onBar(new Bar(infy, START, 1_500_00, 1_500_00, 1_500_00, 1_500_00, 1000));
        assertThat(live.engine.execute(new SetBotLimits(ACC, B1, Map.of("maxOrderQuantity", "5", "maxOrderValue",
                "4000"), "risk")).accepted()).isTrue();
        assertThat(live.engine.execute(new SetBotLimits(ACC, B1, Map.of("maxOrderValue", "0", "maxTradesPerDay",
                "3"), "risk")).accepted()).isTrue();

        Rig restored = rig();
        restored.clock.set(live.clock.instant());
        live.events.forEach(restored.engine::recover);

        assertThat(restored.risk.botLimits(B1)).isEqualTo(new BotLimits(5, 0, 0, 3))
                .isEqualTo(live.risk.botLimits(B1));
        restored.engine.start();
        live.engine.start();
        for (long quantity : new long[] {6, 5}) {
            OrderRequest request = OrderRequest.limit(ACC, B1, infy, Side.BUY, quantity, 1_500_00, Product.MIS);
            CommandResult a = live.engine.execute(new SubmitOrder(request));
            CommandResult b = restored.engine.execute(new SubmitOrder(request));
            assertThat(b).isEqualTo(a);
            assertThat(a.reasonCode()).isEqualTo(quantity == 6 ? "RISK_MAX_ORDER_QUANTITY" : "");
        }
    }

    @Test
    void refusesAJournalWithAGap() {
        Rig live = rig();
        trade(live, 42, 50);
        Rig restored = rig();
        assertThatThrownBy(() -> restored.engine.recover(live.events.get(1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("journal gap");
    }

    @Test
    void inFlightOrdersAreTheOpenOnesAfterRecovery() {
        Rig live = rig();
        trade(live, 7, 200);
        Rig restored = rig();
        live.events.forEach(restored.engine::recover);
        assertThat(restored.engine.inFlightOrders()).isEqualTo(live.engine.openOrders());
    }
}
