package com.quantdesk.core.risk;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantdesk.core.command.Command;
import com.quantdesk.core.command.CommandResult;
import com.quantdesk.core.command.SubmitOrder;
import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.Bar;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.Exchange;
import com.quantdesk.core.domain.Instrument;
import com.quantdesk.core.domain.OrderId;
import com.quantdesk.core.domain.Paise;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.engine.TradingEngine;
import com.quantdesk.core.event.Event;
import com.quantdesk.core.event.OrderDenied;
import com.quantdesk.core.order.OrderRequest;
import com.quantdesk.core.testing.RecordingGateway;
import com.quantdesk.core.time.ManualClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real trading engine with a risk engine attached, for rule tests: one account holding
 * {@link #EQUITY} in cash, one bot, a small instrument master, a manual clock at a Monday session
 * time, and a venue that acknowledges everything and fills only when told.
 */
final class RiskDesk {

    static final AccountId ACC = AccountId.of("acc");
    static final BotId BOT = BotId.of("bot");
    /** Information Technology, tick 1 paisa. */
    static final Symbol INFY = Symbol.of("INFY");
    /** Information Technology, tick 1 paisa. */
    static final Symbol TCS = Symbol.of("TCS");
    /** Financial Services, tick 1 paisa. */
    static final Symbol HDFCBANK = Symbol.of("HDFCBANK");
    /** Tick 5 paise. */
    static final Symbol TICK5 = Symbol.of("TICKFIVE");
    /** A futures contract with a lot of 65. */
    static final Symbol NIFTYFUT = Symbol.of("NIFTY26JANFUT");
    /** Monday 2026-01-05, 10:00 IST. */
    static final Instant SESSION = Instant.parse("2026-01-05T04:30:00Z");
    /** ₹1 crore. */
    static final long EQUITY = Paise.ofRupees(1_00_00_000);

    private static final Map<Symbol, Instrument> MASTER = Map.of(
            INFY, Instrument.nseEquity("INFY", 1, "Information Technology"),
            TCS, Instrument.nseEquity("TCS", 1, "Information Technology"),
            HDFCBANK, Instrument.nseEquity("HDFCBANK", 1, "Financial Services"),
            TICK5, Instrument.nseEquity("TICKFIVE", 5, "Chemicals"),
            NIFTYFUT, new Instrument(NIFTYFUT, Exchange.NSE, 10, 65, "Index"));

    final ManualClock clock;
    final RecordingGateway gateway;
    final TradingEngine engine;
    final RiskEngine risk;
    final List<Event> events = new ArrayList<>();

    RiskDesk(RiskLimits limits) {
        this(new RiskEngine(limits), SESSION);
    }

    RiskDesk(RiskEngine riskEngine) {
        this(riskEngine, SESSION);
    }

    RiskDesk(RiskEngine riskEngine, Instant start) {
        this(riskEngine, start, RecordingGateway.autoAccepting());
    }

    /** A desk whose venue is {@code venue} (e.g. one that does not acknowledge, so it can reject). */
    RiskDesk(RiskEngine riskEngine, Instant start, RecordingGateway venue) {
        this.clock = new ManualClock(start);
        this.gateway = venue;
        this.engine = new TradingEngine(clock, gateway, RiskDesk::instrument);
        this.risk = riskEngine;
        engine.addListener(events::add);
        engine.attachRisk(risk);
        engine.openAccount(ACC, EQUITY);
        engine.addBot(BOT, ACC, (ctx, bar) -> { }, List.of());
    }

    /** Symbols {@code S01}..{@code S99} exist too, each in its own sector, tick 1 paisa. */
    private static Optional<Instrument> instrument(Symbol symbol) {
        Instrument known = MASTER.get(symbol);
        if (known != null) {
            return Optional.of(known);
        }
        return symbol.value().matches("S\\d\\d")
                ? Optional.of(Instrument.nseEquity(symbol.value(), 1, "Sector " + symbol.value()))
                : Optional.empty();
    }

    /**
     * The defaults with every rule relaxed so far that none bites in the tests' orders; a test
     * tightens only the rule under test.
     */
    static RiskLimits relaxed() {
        return RiskLimits.defaults().with(Map.ofEntries(
                Map.entry("fatFingerBps", "1000000"),
                Map.entry("priceBandBps", "0"),
                Map.entry("maxOrderQuantity", "1000000000"),
                Map.entry("maxOrderValue", "1000000000000"),
                Map.entry("maxOpenPositions", "1000"),
                Map.entry("maxPositionValue", "1000000000000"),
                Map.entry("maxConcentrationBps", "1000000"),
                Map.entry("maxSectorExposureBps", "1000000"),
                Map.entry("misLeverage", "1000"),
                Map.entry("maxDailyLoss", "1000000000000"),
                Map.entry("maxRiskPerTradeBps", "1000000"),
                Map.entry("maxOrdersPerSecond", "100000"),
                Map.entry("maxOrdersPerMinute", "100000"),
                Map.entry("maxOrdersPerDay", "100000"),
                Map.entry("maxTradesPerBotPerDay", "100000"),
                Map.entry("enforceMarketHours", "false"),
                Map.entry("misSquareOff", "false"),
                Map.entry("duplicateWindow", "0s"),
                Map.entry("rejectSpikeCount", "0"),
                Map.entry("staleDataAfter", "0s")));
    }

    /** {@link #relaxed()} with one rule tightened. */
    static RiskLimits relaxedExcept(String key, String value) {
        return relaxed().with(key, value);
    }

    /** A one-price bar at the clock's time: the symbol's last price becomes {@code close}. */
    void price(Symbol symbol, long close) {
        engine.onBar(new Bar(symbol, clock.instant(), close, close, close, close, 1_000));
    }

    CommandResult execute(Command command) {
        return engine.execute(command);
    }

    CommandResult submit(OrderRequest request) {
        return engine.execute(new SubmitOrder(request));
    }

    /** A DAY limit order of the bot. */
    static OrderRequest limit(Symbol symbol, Side side, long quantity, long price, Product product) {
        return OrderRequest.limit(ACC, BOT, symbol, side, quantity, price, product);
    }

    /**
     * Buys (or sells, for a negative quantity) and fills at {@code price} without charges. The order
     * carries a protective stop one paisa away, so that it also passes {@code denyWithoutStop}.
     */
    void hold(Symbol symbol, long quantity, long price, Product product) {
        hold(symbol, quantity, price, product, 0);
    }

    void hold(Symbol symbol, long quantity, long price, Product product, long charges) {
        Side side = quantity > 0 ? Side.BUY : Side.SELL;
        CommandResult result = submit(limit(symbol, side, Math.abs(quantity), price, product)
                .withStopLoss(price - side.sign()));
        assertThat(result.accepted()).as("setting up a position: %s", result).isTrue();
        gateway.reports().filled(result.orderId().orElseThrow(), "F" + result.orderId().orElseThrow().value(),
                Math.abs(quantity), price, charges);
    }

    /** The denial event of an order, if it was denied. */
    Optional<OrderDenied> denial(OrderId id) {
        return events.stream().filter(OrderDenied.class::isInstance).map(OrderDenied.class::cast)
                .filter(d -> d.orderId().equals(id)).findFirst();
    }

    /**
     * Asserts the outcome of an order: {@code code} "ALLOW" means it reached the venue; otherwise it
     * was denied with that code, and the event carries exactly {@code limit} and {@code attempted}.
     */
    void assertOutcome(CommandResult result, String code, long limit, long attempted) {
        OrderId id = result.orderId().orElseThrow();
        if (code.equals("ALLOW")) {
            assertThat(result.accepted()).as("expected the order to pass, got %s", result).isTrue();
            assertThat(denial(id)).isEmpty();
            assertThat(gateway.submitted()).anyMatch(o -> o.id().equals(id));
            return;
        }
        assertThat(result.accepted()).as("expected a denial, got %s", result).isFalse();
        assertThat(result.reasonCode()).isEqualTo(code);
        OrderDenied denied = denial(id).orElseThrow();
        assertThat(denied.reasonCode()).isEqualTo(code);
        assertThat(denied.message()).isEqualTo(result.message());
        assertThat(denied.limit()).as("limit").isEqualTo(limit);
        assertThat(denied.attempted()).as("attempted").isEqualTo(attempted);
        assertThat(gateway.submitted()).noneMatch(o -> o.id().equals(id));
    }

    /** Asserts a denial with the given code. */
    void assertDenied(CommandResult result, String code, long limit, long attempted) {
        assertOutcome(result, code, limit, attempted);
    }

    void assertAllowed(CommandResult result) {
        assertOutcome(result, "ALLOW", 0, 0);
    }

    /** Events of one type, in order. */
    <T extends Event> List<T> events(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
