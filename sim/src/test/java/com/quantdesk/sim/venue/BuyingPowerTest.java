package com.quantdesk.sim.venue;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantdesk.core.command.CancelOrder;
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
import com.quantdesk.core.event.OrderAccepted;
import com.quantdesk.core.event.OrderRejected;
import com.quantdesk.core.market.Tick;
import com.quantdesk.core.order.Order;
import com.quantdesk.core.order.OrderRequest;
import com.quantdesk.core.order.OrderStatus;
import com.quantdesk.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The venue's own funds check, with the real engine booking the fills. */
class BuyingPowerTest {

    private static final AccountId ACC = AccountId.of("acc");
    private static final Symbol SYM = Symbol.of("INFY");
    private static final Instrument INSTRUMENT = Instrument.nseEquity("INFY", 5, "Information Technology");
    private static final Instant T0 = Instant.parse("2026-01-05T03:45:00Z"); // 09:15 IST
    private static final long CAPITAL = 10_000_00;

    private final ManualClock clock = new ManualClock(T0);
    private final List<Event> events = new ArrayList<>();
    private SimulatedVenue venue;
    private TradingEngine engine;
    private BuyingPower funds;
    private int barIndex;

    private void open(BuyingPower.ChargeEstimate estimate) {
        venue = new SimulatedVenue(VenueConfig.defaults(), s -> Optional.of(INSTRUMENT), FillCharges.NONE);
        engine = new TradingEngine(clock, venue, s -> Optional.of(INSTRUMENT));
        funds = new BuyingPower(engine::portfolio, account -> 5, estimate, BuyingPower.DEFAULT_MARKET_BUFFER_BPS);
        venue.checkFunds(funds);
        engine.addListener(events::add);
        engine.openAccount(ACC, CAPITAL);
    }

    private void bar(long open, long high, long low, long close) {
        Instant time = T0.plus(Duration.ofMinutes(5L * barIndex++));
        clock.set(time);
        Bar bar = new Bar(SYM, time, open, high, low, close, 1_000_000);
        venue.onBar(bar);
        engine.onBar(bar);
    }

    private OrderId limit(Side side, Product product, long quantity, long price) {
        return engine.execute(new SubmitOrder(OrderRequest.limit(ACC, BotId.NONE, SYM, side, quantity, price,
                product))).orderId().orElseThrow();
    }

    private OrderId market(Side side, Product product, long quantity) {
        return engine.execute(new SubmitOrder(OrderRequest.market(ACC, BotId.NONE, SYM, side, quantity, product)))
                .orderId().orElseThrow();
    }

    private Optional<OrderRejected> rejection(OrderId id) {
        return events.stream().filter(OrderRejected.class::isInstance).map(OrderRejected.class::cast)
                .filter(r -> r.orderId().equals(id)).findFirst();
    }

    private boolean accepted(OrderId id) {
        return events.stream().anyMatch(e -> e instanceof OrderAccepted a && a.orderId().equals(id));
    }

    @Test
    void openCncBuysBlockTheirValueUntilCancelled() {
        open(BuyingPower.ChargeEstimate.NONE);
        bar(100_00, 100_00, 100_00, 100_00);

        OrderId first = limit(Side.BUY, Product.CNC, 60, 95_00);
        OrderId second = limit(Side.BUY, Product.CNC, 50, 95_00);

        assertThat(accepted(first)).isTrue();
        assertThat(rejection(second)).get().satisfies(r -> {
            assertThat(r.reasonCode()).isEqualTo("VENUE_INSUFFICIENT_FUNDS");
            assertThat(r.message()).isEqualTo("order needs ₹4750.00 but ₹4300.00 is available");
        });
        assertThat(funds.blocked(ACC)).isEqualTo(5_700_00);

        engine.execute(new CancelOrder(first, "make room"));
        assertThat(funds.blocked(ACC)).isZero();
        OrderId third = limit(Side.BUY, Product.CNC, 50, 95_00);
        assertThat(accepted(third)).isTrue();
        assertThat(funds.available(ACC)).isEqualTo(CAPITAL - 4_750_00);
    }

    @Test
    void marketOrdersAreValuedAtTheLastPricePlusTheBuffer() {
        open(BuyingPower.ChargeEstimate.NONE);
        OrderId blind = market(Side.BUY, Product.CNC, 1);
        assertThat(rejection(blind)).get().extracting(OrderRejected::message)
                .isEqualTo("no last price of INFY to value a market order");

        bar(100_00, 100_00, 100_00, 100_00);
        // 1% above ₹100: ₹101 a share, so 99 shares (₹9,999) fit in ₹10,000 and 100 do not.
        OrderId tooMany = market(Side.BUY, Product.CNC, 100);
        OrderId fits = market(Side.BUY, Product.CNC, 99);
        assertThat(rejection(tooMany)).get().extracting(OrderRejected::message)
                .isEqualTo("order needs ₹10100.00 but ₹10000.00 is available");
        assertThat(accepted(fits)).isTrue();

        bar(100_50, 100_50, 100_50, 100_50);
        assertThat(funds.blocked(ACC)).isZero();
        assertThat(engine.portfolio(ACC).cash()).isEqualTo(CAPITAL - 99 * 100_50);
    }

    @Test
    void heldCncSharesSellWithoutCash() {
        open(BuyingPower.ChargeEstimate.NONE);
        bar(100_00, 100_00, 100_00, 100_00);
        limit(Side.BUY, Product.CNC, 100, 100_00);
        bar(100_00, 100_00, 100_00, 100_00);
        assertThat(engine.portfolio(ACC).cash()).isZero();

        OrderId sell = limit(Side.SELL, Product.CNC, 100, 101_00);
        assertThat(accepted(sell)).isTrue();
        OrderId buy = limit(Side.BUY, Product.CNC, 1, 100_00);
        assertThat(rejection(buy)).get().extracting(OrderRejected::message)
                .isEqualTo("order needs ₹100.00 but ₹0.00 is available");

        bar(101_00, 101_00, 101_00, 101_00);
        assertThat(engine.portfolio(ACC).cash()).isEqualTo(10_100_00);
    }

    @Test
    void aClosingMarketOrderNeedsNoPrice() {
        open(BuyingPower.ChargeEstimate.NONE);
        bar(100_00, 100_00, 100_00, 100_00);
        limit(Side.BUY, Product.MIS, 10, 100_00);
        bar(100_00, 100_00, 100_00, 100_00);
        // A venue that has not seen the symbol since (a restart) still takes the square-off of the 10
        // held, but not a sell of 11, whose extra share would open a short it cannot value.
        SimulatedVenue fresh = new SimulatedVenue(VenueConfig.defaults(), s -> Optional.of(INSTRUMENT),
                FillCharges.NONE);
        BuyingPower freshFunds = new BuyingPower(engine::portfolio, account -> 5, BuyingPower.ChargeEstimate.NONE,
                BuyingPower.DEFAULT_MARKET_BUFFER_BPS);
        fresh.checkFunds(freshFunds);
        RecordedReports reports = new RecordedReports();
        fresh.connect(reports);

        fresh.submit(Order.create(OrderId.of(99), OrderRequest.market(ACC, BotId.NONE, SYM, Side.SELL, 10,
                Product.MIS), T0).moveTo(OrderStatus.SUBMITTED, T0));
        fresh.submit(Order.create(OrderId.of(100), OrderRequest.market(ACC, BotId.NONE, SYM, Side.SELL, 11,
                Product.MIS), T0).moveTo(OrderStatus.SUBMITTED, T0));

        assertThat(reports.all()).containsExactly(new RecordedReports.Accepted(OrderId.of(99), "SIM-1"),
                new RecordedReports.Rejected(OrderId.of(100), "VENUE_INSUFFICIENT_FUNDS",
                        "no last price of INFY to value a market order"));
        assertThat(freshFunds.blocked(ACC)).isZero();
    }

    @Test
    void misNeedsTheValueOverTheLeverageAndClosingNeedsNothing() {
        open(BuyingPower.ChargeEstimate.NONE);
        bar(100_00, 100_00, 100_00, 100_00);
        OrderId entry = limit(Side.BUY, Product.MIS, 400, 100_00); // ₹40,000 ÷ 5 = ₹8,000
        OrderId more = limit(Side.BUY, Product.MIS, 150, 100_00);  // ₹15,000 ÷ 5 = ₹3,000 > ₹2,000
        assertThat(accepted(entry)).isTrue();
        assertThat(rejection(more)).get().extracting(OrderRejected::message)
                .isEqualTo("order needs ₹3000.00 but ₹2000.00 is available");

        bar(100_00, 100_00, 100_00, 100_00);
        assertThat(engine.portfolio(ACC).cash()).isEqualTo(CAPITAL - 40_000_00);
        assertThat(funds.available(ACC)).isEqualTo(2_000_00);

        // Selling 400 closes the long: no margin. 100 more would open a short of ₹10,000 ÷ 5 = ₹2,000, which fits;
        // 101 more (₹2,020) does not.
        OrderId flip = limit(Side.SELL, Product.MIS, 501, 100_00);
        assertThat(rejection(flip)).get().extracting(OrderRejected::message)
                .isEqualTo("order needs ₹2020.00 but ₹2000.00 is available");
        OrderId exit = limit(Side.SELL, Product.MIS, 500, 100_00);
        assertThat(accepted(exit)).isTrue();
        assertThat(funds.available(ACC)).isZero();

        bar(100_00, 100_00, 100_00, 100_00);
        assertThat(engine.portfolio(ACC).quantity(SYM, Product.MIS)).isEqualTo(-100);
        assertThat(engine.portfolio(ACC).cash()).isEqualTo(CAPITAL + 10_000_00);
        assertThat(funds.available(ACC)).isEqualTo(8_000_00);
        assertThat(funds.blocked(ACC)).isZero();
    }

    @Test
    void estimatedChargesAreSetAsideWithTheValue() {
        open((side, product, value) -> 25_00);
        bar(100_00, 100_00, 100_00, 100_00);
        OrderId all = limit(Side.BUY, Product.CNC, 100, 100_00);
        OrderId lessTheCharges = limit(Side.BUY, Product.CNC, 99, 100_00);
        assertThat(rejection(all)).get().extracting(OrderRejected::message)
                .isEqualTo("order needs ₹10025.00 but ₹10000.00 is available");
        assertThat(accepted(lessTheCharges)).isTrue();
        assertThat(funds.blocked(ACC)).isEqualTo(9_925_00);
    }

    @Test
    void theTickVenueChecksFundsAtArrivalAndRejectsAfterTheLatency() {
        TickVenue ticks = new TickVenue(TickVenueConfig.defaults().withAckLatency(Duration.ofMillis(100))
                .withVolumeParticipation(1), s -> Optional.of(INSTRUMENT), FillCharges.NONE);
        engine = new TradingEngine(clock, ticks, s -> Optional.of(INSTRUMENT));
        funds = new BuyingPower(engine::portfolio, account -> 5, BuyingPower.ChargeEstimate.NONE, 0);
        ticks.checkFunds(funds);
        engine.addListener(events::add);
        engine.openAccount(ACC, CAPITAL);
        ticks.onTick(new Tick(SYM, T0, 100_00, 10));

        OrderId fits = market(Side.BUY, Product.CNC, 60);
        OrderId tooMuch = market(Side.BUY, Product.CNC, 41);
        assertThat(rejection(tooMuch)).isEmpty();
        ticks.advance(T0.plusMillis(100));
        assertThat(accepted(fits)).isTrue();
        assertThat(rejection(tooMuch)).get().extracting(OrderRejected::message)
                .isEqualTo("order needs ₹4100.00 but ₹4000.00 is available");

        // Matched at ₹100.00 on a tick of 10 shares: the block shrinks by what the engine books.
        ticks.onTick(new Tick(SYM, T0.plusMillis(150), 100_00, 10));
        assertThat(engine.portfolio(ACC).cash()).isEqualTo(CAPITAL - 10 * 100_00);
        assertThat(funds.blocked(ACC)).isEqualTo(50 * 100_00);
        assertThat(funds.available(ACC)).isEqualTo(4_000_00);
    }
}
