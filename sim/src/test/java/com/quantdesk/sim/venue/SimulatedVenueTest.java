package com.quantdesk.sim.venue;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantdesk.core.command.CommandResult;
import com.quantdesk.core.command.SubmitOrder;
import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.Bar;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.Instrument;
import com.quantdesk.core.domain.OrderId;
import com.quantdesk.core.domain.OrderType;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.domain.Validity;
import com.quantdesk.core.engine.TradingEngine;
import com.quantdesk.core.event.Event;
import com.quantdesk.core.event.OrderCancelled;
import com.quantdesk.core.event.OrderFilled;
import com.quantdesk.core.event.OrderRejected;
import com.quantdesk.core.order.OrderRequest;
import com.quantdesk.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SimulatedVenueTest {

    private static final AccountId ACC = AccountId.of("acc");
    private static final Symbol SYM = Symbol.of("INFY");
    private static final Instrument INSTRUMENT = Instrument.nseEquity("INFY", 10, "Information Technology");
    private static final Instant DAY1 = Instant.parse("2026-01-05T03:45:00Z"); // 09:15 IST

    private final ManualClock clock = new ManualClock(DAY1);
    private final List<Event> events = new ArrayList<>();
    private SimulatedVenue venue;
    private TradingEngine engine;
    private int barIndex;
    private int day;

    private void open(VenueConfig config) {
        venue = new SimulatedVenue(config, s -> s.equals(SYM) ? Optional.of(INSTRUMENT) : Optional.empty(),
                (order, q, p, d) -> q); // one paisa per share, so charges are visible
        engine = new TradingEngine(clock, venue, s -> s.equals(SYM) ? Optional.of(INSTRUMENT) : Optional.empty());
        engine.addListener(events::add);
        engine.openAccount(ACC, 1_00_00_000_00L);
    }

    /** The next 5-minute bar of the same session: prices in rupees. */
    private void bar(double open, double high, double low, double close, long volume) {
        emit(DAY1.plus(Duration.ofMinutes(5L * barIndex++)), open, high, low, close, volume);
    }

    /** The first bar of the next trading day. */
    private void nextDayBar(double open, double high, double low, double close, long volume) {
        barIndex = 1;
        day++;
        emit(DAY1.plus(Duration.ofDays(day)), open, high, low, close, volume);
    }

    private void emit(Instant time, double open, double high, double low, double close, long volume) {
        clock.set(time);
        Bar bar = new Bar(SYM, time, paise(open), paise(high), paise(low), paise(close), volume);
        venue.onBar(bar);
        engine.onBar(bar);
    }

    private static long paise(double rupees) {
        return Math.round(rupees * 100);
    }

    private OrderId submit(Side side, OrderType type, long qty, double limit, double trigger, Validity validity) {
        CommandResult result = engine.execute(new SubmitOrder(new OrderRequest(ACC, BotId.NONE, SYM, side, type,
                Product.MIS, validity, qty, paise(limit), paise(trigger), 0, "")));
        return result.orderId().orElseThrow();
    }

    private List<OrderFilled> fills() {
        return events.stream().filter(OrderFilled.class::isInstance).map(OrderFilled.class::cast).toList();
    }

    @Test
    void marketOrderFillsAtTheNextBarsOpenNeverOnTheSignalBar() {
        open(VenueConfig.defaults());
        bar(100, 105, 99, 104, 10_000);
        submit(Side.BUY, OrderType.MARKET, 10, 0, 0, Validity.DAY);
        assertThat(fills()).isEmpty();
        bar(106, 108, 101, 102, 10_000);
        assertThat(fills()).singleElement().satisfies(f -> {
            assertThat(f.price()).isEqualTo(106_00);
            assertThat(f.quantity()).isEqualTo(10);
            assertThat(f.charges()).isEqualTo(10);
            assertThat(f.time()).isEqualTo(DAY1.plus(Duration.ofMinutes(5)));
        });
    }

    @Test
    void slippageMovesMarketFillsAgainstTheTraderRoundedToTheTick() {
        open(VenueConfig.defaults().withSlippageBps(7));
        bar(100, 105, 99, 104, 10_000);
        submit(Side.BUY, OrderType.MARKET, 1, 0, 0, Validity.DAY);
        submit(Side.SELL, OrderType.MARKET, 1, 0, 0, Validity.DAY);
        bar(1000, 1001, 990, 995, 10_000);
        // 7 bps of 1000.00 = 0.70: buy 1000.70 (on the 0.10 tick), sell 999.30
        assertThat(fills()).extracting(OrderFilled::price).containsExactly(1_000_70L, 999_30L);
    }

    @Test
    void limitFillsAtTheLimitWhenTradedThroughAndAtTheOpenOnAGap() {
        open(VenueConfig.defaults());
        bar(100, 101, 99, 100, 10_000);
        submit(Side.BUY, OrderType.LIMIT, 5, 98.50, 0, Validity.DAY);
        submit(Side.SELL, OrderType.LIMIT, 5, 101.00, 0, Validity.DAY);
        bar(100, 100.90, 98.50, 99, 10_000); // buy: low touches 98.50 -> fills at limit; sell: high 100.90 < 101 -> no
        assertThat(fills()).extracting(OrderFilled::side, OrderFilled::price)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Side.BUY, 98_50L));
        bar(102, 103, 101.50, 102, 10_000); // gap up through the sell limit: fills at the better open
        assertThat(fills()).extracting(OrderFilled::price).containsExactly(98_50L, 102_00L);
    }

    @Test
    void limitNotReachedStaysWorking() {
        open(VenueConfig.defaults());
        bar(100, 101, 99, 100, 10_000);
        OrderId id = submit(Side.BUY, OrderType.LIMIT, 5, 95, 0, Validity.DAY);
        bar(100, 101, 95.10, 96, 10_000);
        assertThat(fills()).isEmpty();
        assertThat(venue.workingOrders(SYM)).containsExactly(id);
    }

    @Test
    void stopMarketTriggersAtTheTriggerOrAtTheOpenOnAGap() {
        open(VenueConfig.defaults());
        bar(100, 101, 99, 100, 10_000);
        submit(Side.SELL, OrderType.SL_M, 5, 0, 97, Validity.DAY);
        submit(Side.BUY, OrderType.SL_M, 5, 0, 103, Validity.DAY);
        bar(100, 102, 96, 98, 10_000); // sell stop reached intrabar: 97.00; buy stop not reached (high 102)
        assertThat(fills()).extracting(OrderFilled::price).containsExactly(97_00L);
        bar(104, 105, 103.50, 104, 10_000); // gap over the buy stop: fills at the open 104
        assertThat(fills()).extracting(OrderFilled::price).containsExactly(97_00L, 104_00L);
    }

    @Test
    void stopLimitFillsAtTriggerWithinLimitAndWaitsWhenTheGapPassesTheLimit() {
        open(VenueConfig.defaults());
        bar(100, 101, 99, 100, 10_000);
        submit(Side.BUY, OrderType.SL, 5, 103.50, 103, Validity.DAY);
        bar(100, 104, 99, 103.80, 10_000); // triggered at 103.00 <= limit 103.50: fills at 103.00
        assertThat(fills()).extracting(OrderFilled::price).containsExactly(103_00L);

        submit(Side.BUY, OrderType.SL, 5, 105.50, 105, Validity.DAY);
        bar(107, 108, 106, 107.50, 10_000); // gap to 107 over the limit; close 107.50 above limit: no fill
        assertThat(fills()).hasSize(1);
        bar(106, 106.50, 105.20, 106, 10_000); // now a working limit at 105.50: low 105.20 trades through it
        assertThat(fills()).extracting(OrderFilled::price).containsExactly(103_00L, 105_50L);
    }

    @Test
    void volumeCapProducesPartialFillsAcrossBars() {
        open(VenueConfig.defaults().withVolumeParticipation(0.10));
        bar(100, 101, 99, 100, 10_000);
        submit(Side.BUY, OrderType.MARKET, 250, 0, 0, Validity.DAY);
        bar(100, 101, 99, 100, 1_000);  // cap 100
        nextDayBar(101, 102, 100, 101, 1_000); // a DAY order does not survive into the next session
        assertThat(fills()).extracting(OrderFilled::quantity).containsExactly(100L);
        assertThat(events).filteredOn(OrderCancelled.class::isInstance).singleElement()
                .satisfies(e -> {
                    assertThat(((OrderCancelled) e).remaining()).isEqualTo(150);
                    assertThat(((OrderCancelled) e).reason()).contains("expired");
                });
    }

    @Test
    void partialFillsWithinOneSessionAccumulateOnIntradayBars() {
        open(VenueConfig.defaults().withVolumeParticipation(0.10));
        bar(100, 100, 100, 100, 1_000);
        submit(Side.BUY, OrderType.MARKET, 250, 0, 0, Validity.DAY);
        for (int i = 0; i < 3; i++) {
            bar(100, 100, 100, 100, 1_000);
        }
        assertThat(fills()).extracting(OrderFilled::quantity).containsExactly(100L, 100L, 50L);
        assertThat(fills()).extracting(OrderFilled::remaining).containsExactly(150L, 50L, 0L);
        assertThat(engine.portfolio(ACC).quantity(SYM)).isEqualTo(250);
    }

    @Test
    void iocCancelsWhatDoesNotFillInItsFirstBar() {
        open(VenueConfig.defaults().withVolumeParticipation(0.01));
        bar(100, 101, 99, 100, 10_000);
        submit(Side.BUY, OrderType.MARKET, 150, 0, 0, Validity.IOC);
        bar(100, 101, 99, 100, 10_000); // cap 100
        assertThat(fills()).extracting(OrderFilled::quantity).containsExactly(100L);
        assertThat(events).filteredOn(OrderCancelled.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((OrderCancelled) e).reason()).isEqualTo("IOC remainder cancelled"));
    }

    @Test
    void rejectsOffTickPricesOddLotsAndPricesOutsideTheBand() {
        open(VenueConfig.defaults());
        bar(100, 101, 99, 100, 10_000);
        nextDayBar(100, 101, 99, 100, 10_000); // the band needs a previous day's close: 100.00 -> 90.00..110.00
        submit(Side.BUY, OrderType.LIMIT, 1, 100.05, 0, Validity.DAY);
        submit(Side.BUY, OrderType.LIMIT, 1, 89.90, 0, Validity.DAY);
        submit(Side.BUY, OrderType.LIMIT, 1, 90.00, 0, Validity.DAY);
        submit(Side.SELL, OrderType.SL_M, 1, 0, 110.10, Validity.DAY);
        assertThat(events).filteredOn(OrderRejected.class::isInstance).extracting(e -> ((OrderRejected) e).reasonCode())
                .containsExactly("VENUE_TICK_SIZE", "VENUE_PRICE_BAND", "VENUE_PRICE_BAND");
        assertThat(events).filteredOn(OrderRejected.class::isInstance).first()
                .extracting(e -> ((OrderRejected) e).message())
                .isEqualTo("price 100.05 is not a multiple of the tick size 0.10");

        Instrument lotOf25 = new Instrument(SYM, INSTRUMENT.exchange(), 10, 25, "x");
        SimulatedVenue lots = new SimulatedVenue(VenueConfig.defaults(), s -> Optional.of(lotOf25), FillCharges.NONE);
        TradingEngine e2 = new TradingEngine(clock, lots, s -> Optional.of(lotOf25));
        List<Event> e2Events = new ArrayList<>();
        e2.addListener(e2Events::add);
        e2.openAccount(ACC, 1_000_000_00L);
        e2.execute(new SubmitOrder(OrderRequest.market(ACC, BotId.NONE, SYM, Side.BUY, 30, Product.MIS)));
        assertThat(e2Events).filteredOn(OrderRejected.class::isInstance).singleElement()
                .extracting(e -> ((OrderRejected) e).reasonCode()).isEqualTo("VENUE_LOT_SIZE");
    }

    @Test
    void cancelledOrderNeverFills() {
        open(VenueConfig.defaults());
        bar(100, 101, 99, 100, 10_000);
        OrderId id = submit(Side.BUY, OrderType.MARKET, 10, 0, 0, Validity.DAY);
        engine.execute(new com.quantdesk.core.command.CancelOrder(id, "changed mind"));
        bar(100, 101, 99, 100, 10_000);
        assertThat(fills()).isEmpty();
        assertThat(venue.workingOrderCount()).isZero();
    }
}
