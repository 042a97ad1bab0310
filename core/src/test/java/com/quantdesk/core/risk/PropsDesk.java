package com.quantdesk.core.risk;

import com.quantdesk.core.command.Command;
import com.quantdesk.core.command.CommandResult;
import com.quantdesk.core.command.SubmitOrder;
import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.Bar;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.Instrument;
import com.quantdesk.core.domain.OrderId;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.engine.TradingEngine;
import com.quantdesk.core.event.Event;
import com.quantdesk.core.order.OrderRequest;
import com.quantdesk.core.testing.RecordingGateway;
import com.quantdesk.core.time.ManualClock;
import com.quantdesk.core.time.MarketTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A trading engine with the risk engine attached, a recording venue that leaves every order
 * SUBMITTED until the test answers for it (so it may still reject it), and a manual clock starting at the open on Monday 5 January 2026: two accounts, three bots, three
 * symbols in two sectors. Tests answer for the venue through {@link #fill} and {@link #reject}.
 */
final class PropsDesk {

    static final AccountId ACC = AccountId.of("acc");
    static final AccountId OTHER = AccountId.of("other");
    static final BotId ALPHA = BotId.of("alpha");
    static final BotId BETA = BotId.of("beta");
    static final BotId GAMMA = BotId.of("gamma");
    static final Symbol INFY = Symbol.of("INFY");
    static final Symbol TCS = Symbol.of("TCS");
    static final Symbol HDFC = Symbol.of("HDFCBANK");
    static final LocalDate MONDAY = LocalDate.of(2026, 1, 5);
    /** ₹10,00,000 in each account. */
    static final long CASH = 10_00_000_00L;

    private static final Map<Symbol, Instrument> MASTER = Map.of(
            INFY, Instrument.nseEquity("INFY", 5, "Information Technology"),
            TCS, Instrument.nseEquity("TCS", 10, "Information Technology"),
            HDFC, Instrument.nseEquity("HDFCBANK", 5, "Banks"));

    final ManualClock clock = new ManualClock(ist(MONDAY, MarketTime.OPEN));
    final RecordingGateway venue = new RecordingGateway();
    final TradingEngine engine = new TradingEngine(clock, venue, s -> Optional.ofNullable(MASTER.get(s)));
    final RiskEngine risk;
    final List<Event> events = new ArrayList<>();
    private long nextFill = 1;

    /** A desk whose accounts both trade under {@code limits}. */
    PropsDesk(RiskLimits limits) {
        this(new RiskEngine(limits));
    }

    PropsDesk(RiskEngine risk) {
        this(risk, CASH, CASH);
    }

    /** A desk whose accounts start with {@code accCash} and {@code otherCash} paise. */
    PropsDesk(RiskEngine risk, long accCash, long otherCash) {
        this.risk = risk;
        engine.addListener(events::add);
        engine.openAccount(ACC, accCash);
        engine.openAccount(OTHER, otherCash);
        engine.addBot(ALPHA, ACC, (context, bar) -> { }, List.of(INFY, TCS, HDFC));
        engine.addBot(BETA, ACC, (context, bar) -> { }, List.of(INFY, TCS, HDFC));
        engine.addBot(GAMMA, OTHER, (context, bar) -> { }, List.of(INFY, TCS, HDFC));
        engine.attachRisk(risk);
        engine.start();
    }

    /** The production defaults without stale-data detection, which would fire whenever a test moves the clock. */
    static RiskLimits quietDefaults() {
        return RiskLimits.defaults().with("staleDataAfter", "0s");
    }

    static Instant ist(LocalDate date, LocalTime time) {
        return date.atTime(time).atZone(MarketTime.IST).toInstant();
    }

    static Instrument instrument(Symbol symbol) {
        return MASTER.get(symbol);
    }

    /** Opens the session: the first time tick of the day, then a bar for every symbol at its price. */
    PropsDesk open(long infy, long tcs, long hdfc) {
        engine.onTime();
        bar(INFY, infy);
        bar(TCS, tcs);
        bar(HDFC, hdfc);
        return this;
    }

    /** Moves the clock to {@code time} IST on the day it shows (forward only) and ticks the engine. */
    void at(LocalTime time) {
        clock.set(ist(MarketTime.tradeDate(clock.instant()), time));
        engine.onTime();
    }

    /** Moves the clock to {@code time} IST on {@code date} and ticks the engine. */
    void at(LocalDate date, LocalTime time) {
        clock.set(ist(date, time));
        engine.onTime();
    }

    /** A flat bar at the clock's time. */
    void bar(Symbol symbol, long price) {
        engine.onBar(new Bar(symbol, clock.instant(), price, price, price, price, 1_000_000));
    }

    CommandResult execute(Command command) {
        return engine.execute(command);
    }

    CommandResult submit(OrderRequest request) {
        return engine.execute(new SubmitOrder(request));
    }

    /** Submits and returns the id, failing the test when the order is not accepted. */
    OrderId placed(OrderRequest request) {
        CommandResult result = submit(request);
        if (!result.accepted()) {
            throw new AssertionError("expected " + request + " to be accepted, was " + result);
        }
        return result.orderId().orElseThrow();
    }

    static OrderRequest market(AccountId account, BotId bot, Symbol symbol, Side side, long quantity,
                               Product product) {
        return OrderRequest.market(account, bot, symbol, side, quantity, product);
    }

    /** The venue fills {@code quantity} of the order at {@code price} without charges. */
    void fill(OrderId order, long quantity, long price) {
        venue.reports().filled(order, "F" + nextFill++, quantity, price, 0);
    }

    /** The venue refuses the order. */
    void reject(OrderId order) {
        venue.reports().rejected(order, "VENUE_TEST", "refused by the test venue");
    }

    /** Every event of one type, in order. */
    <E extends Event> List<E> events(Class<E> type) {
        List<E> result = new ArrayList<>();
        for (Event e : events) {
            if (type.isInstance(e)) {
                result.add(type.cast(e));
            }
        }
        return result;
    }

    /** Forgets the events seen so far, so a test's "then" looks only at what its "when" caused. */
    void clearEvents() {
        events.clear();
    }
}
