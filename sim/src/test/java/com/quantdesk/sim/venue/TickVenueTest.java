package com.quantdesk.sim.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.Exchange;
import com.quantdesk.core.domain.Instrument;
import com.quantdesk.core.domain.OrderId;
import com.quantdesk.core.domain.OrderType;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.domain.Validity;
import com.quantdesk.core.market.Tick;
import com.quantdesk.core.order.Order;
import com.quantdesk.core.order.OrderRequest;
import com.quantdesk.core.order.OrderStatus;
import com.quantdesk.sim.venue.RecordedReports.Accepted;
import com.quantdesk.sim.venue.RecordedReports.Cancelled;
import com.quantdesk.sim.venue.RecordedReports.Filled;
import com.quantdesk.sim.venue.RecordedReports.Modified;
import com.quantdesk.sim.venue.RecordedReports.Rejected;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TickVenueTest {

    private static final AccountId ACC = AccountId.of("acc");
    private static final Symbol INFY = Symbol.of("INFY");
    private static final Symbol NIFTY_FUT = Symbol.of("NIFTY26JANFUT");
    private static final Instrument INFY_SPEC = Instrument.nseEquity("INFY", 5, "Information Technology");
    private static final Instrument NIFTY_FUT_SPEC = new Instrument(NIFTY_FUT, Exchange.NSE, 5, 25, "Index");
    /** Monday 2026-01-05, 09:15 IST. */
    private static final Instant T0 = Instant.parse("2026-01-05T03:45:00Z");
    private static final Instant DAY2 = T0.plus(Duration.ofDays(1));

    private final RecordedReports reports = new RecordedReports();
    private TickVenue venue;
    private long nextOrderId = 1;

    private void open(TickVenueConfig config) {
        open(config, (order, quantity, price, date) -> quantity); // one paisa a share, so charges are visible
    }

    private void open(TickVenueConfig config, FillCharges charges) {
        venue = new TickVenue(config, TickVenueTest::instrument, charges);
        venue.connect(reports);
    }

    private static Optional<Instrument> instrument(Symbol symbol) {
        if (symbol.equals(INFY)) {
            return Optional.of(INFY_SPEC);
        }
        return symbol.equals(NIFTY_FUT) ? Optional.of(NIFTY_FUT_SPEC) : Optional.empty();
    }

    private static Instant at(long millis) {
        return T0.plusMillis(millis);
    }

    private void tick(long millis, long price, long size) {
        venue.onTick(new Tick(INFY, at(millis), price, size));
    }

    private OrderId submit(Side side, OrderType type, long quantity, long limit, long trigger) {
        return submit(INFY, side, type, quantity, limit, trigger, Validity.DAY);
    }

    private OrderId submit(Symbol symbol, Side side, OrderType type, long quantity, long limit, long trigger,
                           Validity validity) {
        OrderRequest request = new OrderRequest(ACC, BotId.NONE, symbol, side, type, Product.MIS, validity, quantity,
                limit, trigger, 0, "");
        Order order = Order.create(OrderId.of(nextOrderId++), request, T0).moveTo(OrderStatus.SUBMITTED, T0);
        venue.submit(order);
        return order.id();
    }

    private Order handle(OrderId id) {
        OrderRequest request = OrderRequest.market(ACC, BotId.NONE, INFY, Side.BUY, 1, Product.MIS);
        return Order.create(id, request, T0);
    }

    // ------------------------------------------------------------------ latency

    @Test
    void acknowledgesAfterTheAckLatencyAndFillsNothingBeforeIt() {
        open(TickVenueConfig.defaults().withAckLatency(Duration.ofMillis(200)));
        tick(0, 1000_00, 100);
        OrderId id = submit(Side.BUY, OrderType.MARKET, 10, 0, 0);
        assertThat(reports.fresh()).isEmpty();

        tick(100, 1001_00, 100);
        assertThat(reports.fresh()).isEmpty();

        tick(200, 1002_00, 100); // exactly at the acknowledgement time: it counts
        assertThat(reports.fresh()).containsExactly(
                new Accepted(id, "SIM-1"),
                new Filled(id, "SIM-F1-10", 10, 1002_00, 10));
    }

    @Test
    void aLateTickTimedBeforeTheAcknowledgementDoesNotFill() {
        open(TickVenueConfig.defaults().withAckLatency(Duration.ofMillis(200)));
        tick(0, 1000_00, 100);
        OrderId id = submit(Side.BUY, OrderType.MARKET, 10, 0, 0);
        venue.advance(at(199));
        assertThat(reports.fresh()).isEmpty();
        venue.advance(at(200));
        assertThat(reports.fresh()).containsExactly(new Accepted(id, "SIM-1"));

        tick(150, 1001_00, 100);

        assertThat(reports.fresh()).isEmpty();
        assertThat(venue.workingOrders(INFY)).containsExactly(id);
    }

    @Test
    void anOrderSentBeforeTheVenueHasSeenAnyTimeArrivesAtTheFirstTimeItSees() {
        open(TickVenueConfig.defaults().withAckLatency(Duration.ofSeconds(1)));
        OrderId id = submit(Side.BUY, OrderType.MARKET, 10, 0, 0);

        venue.advance(at(0));
        venue.advance(at(999));
        assertThat(reports.fresh()).isEmpty();

        venue.advance(at(1000));
        assertThat(reports.fresh()).containsExactly(new Accepted(id, "SIM-1"));
    }

    @Test
    void reportsAMatchAfterTheFillLatencyWithItsQuantityReservedMeanwhile() {
        open(TickVenueConfig.defaults().withFillLatency(Duration.ofMillis(500)));
        tick(0, 1000_00, 100);
        OrderId id = submit(Side.BUY, OrderType.MARKET, 10, 0, 0);
        assertThat(reports.fresh()).containsExactly(new Accepted(id, "SIM-1"));

        tick(1000, 1000_50, 100);
        tick(1100, 1001_00, 100);
        venue.advance(at(1499));
        assertThat(reports.fresh()).isEmpty();
        assertThat(venue.workingOrderCount()).isZero();
        assertThat(venue.knows(id)).isTrue();

        venue.advance(at(1500));
        assertThat(reports.fresh()).containsExactly(new Filled(id, "SIM-F1-10", 10, 1000_50, 10));
        assertThat(venue.knows(id)).isFalse();
    }

    // ------------------------------------------------------------------ volume

    @Test
    void sharesEachTicksVolumeBetweenOrdersInTimePriority() {
        open(TickVenueConfig.defaults().withVolumeParticipation(0.5));
        tick(0, 1000_00, 100);
        OrderId first = submit(Side.BUY, OrderType.LIMIT, 100, 1000_00, 0);
        OrderId second = submit(Side.BUY, OrderType.LIMIT, 100, 1000_00, 0);
        reports.fresh();

        tick(1000, 1000_00, 150); // cap 75: all to the older order
        assertThat(reports.fresh()).containsExactly(new Filled(first, "SIM-F1-75", 75, 1000_00, 75));

        tick(2000, 999_95, 100); // cap 50: the older order's last 25, then 25 to the next
        assertThat(reports.fresh()).containsExactly(
                new Filled(first, "SIM-F1-100", 25, 999_95, 25),
                new Filled(second, "SIM-F2-25", 25, 999_95, 25));
        assertThat(venue.workingOrders(INFY)).containsExactly(second);
    }

    @Test
    void theCapIsTheExactDecimalShareOfTheTickSize() {
        open(TickVenueConfig.defaults().withVolumeParticipation(0.29));
        tick(0, 1000_00, 100);
        OrderId id = submit(Side.BUY, OrderType.MARKET, 100, 0, 0);
        reports.fresh();

        tick(1000, 1000_00, 100); // 100 × 0.29 is 28.999… in double arithmetic

        assertThat(reports.fresh()).containsExactly(new Filled(id, "SIM-F1-29", 29, 1000_00, 29));
    }

    @Test
    void theCapCountsWholeLots() {
        open(TickVenueConfig.defaults().withVolumeParticipation(0.1));
        venue.advance(T0);
        OrderId id = submit(NIFTY_FUT, Side.BUY, OrderType.MARKET, 100, 0, 0, Validity.DAY);
        reports.fresh();

        venue.onTick(new Tick(NIFTY_FUT, at(1000), 24_000_00, 600)); // cap 60 shares: two lots of 25

        assertThat(reports.fresh()).containsExactly(new Filled(id, "SIM-F1-50", 50, 24_000_00, 50));
    }

    @Test
    void withoutACapAnOrderFillsInFullOnAnyTickWithASize() {
        open(TickVenueConfig.defaults());
        tick(0, 1000_00, 100);
        OrderId id = submit(Side.SELL, OrderType.MARKET, 5_000, 0, 0);
        reports.fresh();

        tick(1000, 1000_00, 0);
        assertThat(reports.fresh()).isEmpty();

        tick(2000, 999_00, 1);
        assertThat(reports.fresh()).containsExactly(new Filled(id, "SIM-F1-5000", 5_000, 999_00, 5_000));
    }

    // ------------------------------------------------------------------ prices

    @Test
    void limitFillsAtTheTickPriceWhenTheTickIsAtOrThroughTheLimit() {
        open(TickVenueConfig.defaults());
        tick(0, 1005_00, 100);
        OrderId buy = submit(Side.BUY, OrderType.LIMIT, 10, 1000_00, 0);
        OrderId sell = submit(Side.SELL, OrderType.LIMIT, 10, 1010_00, 0);
        reports.fresh();

        tick(1000, 1000_05, 100);
        assertThat(reports.fresh()).isEmpty();

        tick(2000, 999_50, 100);
        tick(3000, 1010_00, 100);
        assertThat(reports.fresh()).containsExactly(
                new Filled(buy, "SIM-F1-10", 10, 999_50, 10),
                new Filled(sell, "SIM-F2-10", 10, 1010_00, 10));
    }

    @Test
    void stopMarketTriggersWhenTheTickReachesTheTriggerAndFillsOnThatTick() {
        open(TickVenueConfig.defaults());
        tick(0, 1000_00, 100);
        OrderId buyStop = submit(Side.BUY, OrderType.SL_M, 10, 0, 1010_00);
        OrderId sellStop = submit(Side.SELL, OrderType.SL_M, 10, 0, 990_00);
        reports.fresh();

        tick(1000, 1009_95, 100);
        tick(2000, 990_05, 100);
        assertThat(reports.fresh()).isEmpty();

        tick(3000, 1010_00, 100);
        tick(4000, 989_00, 100);
        assertThat(reports.fresh()).containsExactly(
                new Filled(buyStop, "SIM-F1-10", 10, 1010_00, 10),
                new Filled(sellStop, "SIM-F2-10", 10, 989_00, 10));
    }

    @Test
    void aTickOfSizeZeroTriggersAStopButFillsNothing() {
        open(TickVenueConfig.defaults());
        tick(0, 1000_00, 100);
        OrderId id = submit(Side.SELL, OrderType.SL_M, 10, 0, 990_00);
        reports.fresh();

        tick(1000, 989_00, 0);
        assertThat(reports.fresh()).isEmpty();

        tick(2000, 995_00, 50); // above the trigger again, but the stop has already triggered
        assertThat(reports.fresh()).containsExactly(new Filled(id, "SIM-F1-10", 10, 995_00, 10));
    }

    @Test
    void stopLimitTriggersThenWorksAsALimit() {
        open(TickVenueConfig.defaults());
        tick(0, 1000_00, 100);
        OrderId id = submit(Side.BUY, OrderType.SL, 10, 1012_00, 1010_00);
        reports.fresh();

        tick(1000, 1009_00, 100);
        tick(2000, 1015_00, 100); // triggers, but beyond the limit
        assertThat(reports.fresh()).isEmpty();

        tick(3000, 1011_50, 100);
        assertThat(reports.fresh()).containsExactly(new Filled(id, "SIM-F1-10", 10, 1011_50, 10));
    }

    @Test
    void slippageMovesMarketAndStopMarketFillsAgainstTheTraderRoundedToTheTick() {
        open(TickVenueConfig.defaults().withSlippageBps(3));
        tick(0, 1200_00, 100);
        OrderId buy = submit(Side.BUY, OrderType.MARKET, 1, 0, 0);
        OrderId sell = submit(Side.SELL, OrderType.MARKET, 1, 0, 0);
        OrderId stop = submit(Side.SELL, OrderType.SL_M, 1, 0, 1234_55);
        OrderId limit = submit(Side.BUY, OrderType.LIMIT, 1, 1235_00, 0);
        reports.fresh();

        tick(1000, 1234_55, 100);

        // 3 bps of 1234.55 is 0.37: buy 1234.92 rounds up to 1234.95, sell 1234.18 down to 1234.15;
        // a limit order fills at the tick price.
        assertThat(reports.fresh()).containsExactly(
                new Filled(buy, "SIM-F1-1", 1, 1234_95, 1),
                new Filled(sell, "SIM-F2-1", 1, 1234_15, 1),
                new Filled(stop, "SIM-F3-1", 1, 1234_15, 1),
                new Filled(limit, "SIM-F4-1", 1, 1234_55, 1));
    }

    @Test
    void chargesArePricedOnTheTicksIstTradeDate() {
        List<LocalDate> dates = new ArrayList<>();
        open(TickVenueConfig.defaults(), (order, quantity, price, date) -> {
            dates.add(date);
            return 7;
        });
        venue.onTick(new Tick(INFY, Instant.parse("2026-01-05T18:35:00Z"), 1000_00, 10));
        OrderId id = submit(Side.BUY, OrderType.MARKET, 10, 0, 0);

        // 00:15 IST on the 6th, still the 5th in UTC
        venue.onTick(new Tick(INFY, Instant.parse("2026-01-05T18:45:00Z"), 1000_00, 10));

        assertThat(reports.all()).contains(new Filled(id, "SIM-F1-10", 10, 1000_00, 7));
        assertThat(dates).containsExactly(LocalDate.of(2026, 1, 6));
    }

    // ------------------------------------------------------------------ validity

    @Test
    void iocCancelsWhatDidNotFillOnItsFirstTickWithASize() {
        open(TickVenueConfig.defaults().withVolumeParticipation(0.1));
        tick(0, 1000_00, 100);
        OrderId partly = submit(INFY, Side.BUY, OrderType.MARKET, 50, 0, 0, Validity.IOC);
        OrderId missed = submit(INFY, Side.BUY, OrderType.LIMIT, 10, 990_00, 0, Validity.IOC);
        reports.fresh();

        tick(1000, 1000_00, 0);
        assertThat(reports.fresh()).isEmpty();

        tick(2000, 1000_00, 200);
        assertThat(reports.fresh()).containsExactly(
                new Filled(partly, "SIM-F1-20", 20, 1000_00, 20),
                new Cancelled(partly, "IOC remainder cancelled"),
                new Cancelled(missed, "IOC remainder cancelled"));
        assertThat(venue.workingOrderCount()).isZero();
    }

    @Test
    void anIocRemainderIsCancelledAfterItsFillIsReported() {
        open(TickVenueConfig.defaults().withVolumeParticipation(0.1).withFillLatency(Duration.ofSeconds(1)));
        tick(0, 1000_00, 100);
        OrderId id = submit(INFY, Side.BUY, OrderType.MARKET, 50, 0, 0, Validity.IOC);
        reports.fresh();

        tick(1000, 1000_00, 200);
        assertThat(reports.fresh()).isEmpty();

        venue.advance(at(2000));
        assertThat(reports.fresh()).containsExactly(
                new Filled(id, "SIM-F1-20", 20, 1000_00, 20),
                new Cancelled(id, "IOC remainder cancelled"));
    }

    @Test
    void dayOrdersExpireWhenALaterTradingDayArrives() {
        open(TickVenueConfig.defaults());
        tick(0, 1000_00, 100);
        OrderId dayOne = submit(Side.BUY, OrderType.LIMIT, 10, 950_00, 0);
        reports.fresh();

        venue.advance(Instant.parse("2026-01-05T18:29:59Z")); // 23:59:59 IST
        assertThat(reports.fresh()).isEmpty();

        venue.onTick(new Tick(INFY, DAY2, 1000_00, 100));
        assertThat(reports.fresh()).containsExactly(new Cancelled(dayOne, "expired at the end of the trading day"));

        OrderId dayTwo = submit(Side.BUY, OrderType.LIMIT, 10, 950_00, 0);
        venue.advance(DAY2.plus(Duration.ofHours(5)));
        assertThat(reports.fresh()).containsExactly(new Accepted(dayTwo, "SIM-2"));

        venue.advance(DAY2.plus(Duration.ofDays(1)));
        assertThat(reports.fresh()).containsExactly(new Cancelled(dayTwo, "expired at the end of the trading day"));
    }

    @Test
    void reportsDueBeforeMidnightComeBeforeThatDaysExpiries() {
        open(TickVenueConfig.defaults().withVolumeParticipation(0.5).withFillLatency(Duration.ofMinutes(10)));
        venue.advance(Instant.parse("2026-01-05T18:00:00Z")); // 23:30 IST
        OrderId older = submit(Side.SELL, OrderType.LIMIT, 10, 2000_00, 0);
        OrderId newer = submit(Side.BUY, OrderType.LIMIT, 100, 1000_00, 0);
        reports.fresh();

        venue.onTick(new Tick(INFY, Instant.parse("2026-01-05T18:15:00Z"), 1000_00, 100)); // fill due 23:55 IST
        venue.advance(Instant.parse("2026-01-05T19:00:00Z"));

        assertThat(reports.fresh()).containsExactly(
                new Filled(newer, "SIM-F2-50", 50, 1000_00, 50),
                new Cancelled(older, "expired at the end of the trading day"),
                new Cancelled(newer, "expired at the end of the trading day"));
    }

    // ------------------------------------------------------------------ rejections

    @Test
    void rejectsAnUnknownInstrumentAfterTheAckLatency() {
        open(TickVenueConfig.defaults().withAckLatency(Duration.ofMillis(100)));
        tick(0, 1000_00, 100);
        OrderId id = submit(Symbol.of("TCS"), Side.BUY, OrderType.MARKET, 1, 0, 0, Validity.DAY);
        assertThat(reports.fresh()).isEmpty();

        venue.advance(at(100));

        assertThat(reports.fresh()).containsExactly(
                new Rejected(id, "VENUE_UNKNOWN_INSTRUMENT", "unknown instrument TCS"));
        assertThat(venue.knows(id)).isFalse();
    }

    @Test
    void rejectsOddLotsAndOffTickPrices() {
        open(TickVenueConfig.defaults());
        tick(0, 1000_00, 100);
        OrderId oddLot = submit(NIFTY_FUT, Side.BUY, OrderType.MARKET, 30, 0, 0, Validity.DAY);
        OrderId offTick = submit(Side.BUY, OrderType.LIMIT, 1, 1000_03, 0);
        OrderId offTickTrigger = submit(Side.SELL, OrderType.SL_M, 1, 0, 990_01);

        assertThat(reports.fresh()).containsExactly(
                new Rejected(oddLot, "VENUE_LOT_SIZE", "quantity 30 is not a multiple of the lot size 25"),
                new Rejected(offTick, "VENUE_TICK_SIZE", "price 1000.03 is not a multiple of the tick size 0.05"),
                new Rejected(offTickTrigger, "VENUE_TICK_SIZE",
                        "price 990.01 is not a multiple of the tick size 0.05"));
        assertThat(venue.workingOrderCount()).isZero();
    }

    @Test
    void bandsPricesAroundThePreviousTradingDaysLastTradeOnceOneIsKnown() {
        open(TickVenueConfig.defaults());
        tick(0, 1050_00, 100);
        tick(1000, 1000_00, 100);
        OrderId unbanded = submit(Side.SELL, OrderType.LIMIT, 1, 1500_00, 0);
        assertThat(reports.fresh()).containsExactly(new Accepted(unbanded, "SIM-1"));

        venue.advance(DAY2); // no tick yet today: day one's last trade is the reference
        reports.fresh();
        OrderId above = submit(Side.BUY, OrderType.LIMIT, 1, 1100_05, 0);
        OrderId edge = submit(Side.BUY, OrderType.LIMIT, 1, 1100_00, 0);
        OrderId lowTrigger = submit(Side.SELL, OrderType.SL_M, 1, 0, 899_95);
        venue.onTick(new Tick(INFY, DAY2.plusSeconds(1), 1150_00, 0));
        OrderId stillDayOne = submit(Side.BUY, OrderType.LIMIT, 1, 1100_05, 0);

        assertThat(reports.fresh()).containsExactly(
                new Rejected(above, "VENUE_PRICE_BAND", "price 1100.05 is outside the day's band 900.00..1100.00"),
                new Accepted(edge, "SIM-3"),
                new Rejected(lowTrigger, "VENUE_PRICE_BAND",
                        "price 899.95 is outside the day's band 900.00..1100.00"),
                new Rejected(stillDayOne, "VENUE_PRICE_BAND",
                        "price 1100.05 is outside the day's band 900.00..1100.00"));
    }

    // ------------------------------------------------------------------ cancel and modify

    @Test
    void aCancelBeforeTheAcknowledgementIsReportedInsteadOfIt() {
        open(TickVenueConfig.defaults().withAckLatency(Duration.ofMillis(200)));
        tick(0, 1000_00, 100);
        OrderId id = submit(Side.BUY, OrderType.MARKET, 10, 0, 0);
        venue.cancel(handle(id));
        assertThat(venue.workingOrderCount()).isZero();

        tick(100, 1000_00, 100);
        assertThat(reports.fresh()).isEmpty();

        tick(200, 1000_00, 100);
        assertThat(reports.fresh()).containsExactly(new Cancelled(id, "cancelled on request"));
        assertThat(venue.knows(id)).isFalse();
    }

    @Test
    void aCancelAfterTheAcknowledgementReportsMatchedFillsFirst() {
        open(TickVenueConfig.defaults().withVolumeParticipation(0.5).withFillLatency(Duration.ofSeconds(1)));
        tick(0, 1000_00, 100);
        OrderId id = submit(Side.BUY, OrderType.MARKET, 100, 0, 0);
        reports.fresh();
        tick(1000, 1000_00, 100);

        venue.cancel(handle(id));

        assertThat(reports.fresh()).containsExactly(
                new Filled(id, "SIM-F1-50", 50, 1000_00, 50),
                new Cancelled(id, "cancelled on request"));
        venue.advance(at(5000));
        venue.cancel(handle(id));
        assertThat(reports.fresh()).isEmpty();
    }

    @Test
    void aCancelOfAnOrderWithNothingLeftToTradeLeavesItsFillOnSchedule() {
        open(TickVenueConfig.defaults().withFillLatency(Duration.ofSeconds(1)));
        tick(0, 1000_00, 100);
        OrderId id = submit(Side.BUY, OrderType.MARKET, 10, 0, 0);
        reports.fresh();
        tick(1000, 1000_00, 100);

        venue.cancel(handle(id));
        assertThat(reports.fresh()).isEmpty();

        venue.advance(at(2000));
        assertThat(reports.fresh()).containsExactly(new Filled(id, "SIM-F1-10", 10, 1000_00, 10));
    }

    @Test
    void modifiesQuantityAndPricesAndRefusesInvalidChangesSilently() {
        open(TickVenueConfig.defaults().withVolumeParticipation(0.5));
        tick(0, 1000_00, 100);
        OrderId id = submit(Side.BUY, OrderType.LIMIT, 10, 990_00, 0);
        reports.fresh();

        venue.modify(handle(id), 0, 995_00, 0);
        venue.modify(handle(id), 20, 0, 0);
        assertThat(reports.fresh()).containsExactly(
                new Modified(id, 10, 995_00, 0),
                new Modified(id, 20, 995_00, 0));

        tick(1000, 995_00, 30); // 15 of 20
        reports.fresh();
        venue.modify(handle(id), 15, 0, 0);
        venue.modify(handle(id), 0, 995_03, 0);
        venue.modify(handle(id), 0, 2000_00, 0); // no previous day yet, so no band
        assertThat(reports.fresh()).containsExactly(new Modified(id, 20, 2000_00, 0));

        venue.modify(handle(id), 16, 0, 0);
        tick(2000, 1999_00, 30);
        assertThat(reports.fresh()).containsExactly(
                new Modified(id, 16, 2000_00, 0),
                new Filled(id, "SIM-F1-16", 1, 1999_00, 1));
    }

    // ------------------------------------------------------------------ restore

    @Test
    void aRestoredOrderWorksOnWithWhatTheJournalBookedAlreadyFilled() {
        open(TickVenueConfig.defaults());
        OrderRequest request = OrderRequest.limit(ACC, BotId.NONE, INFY, Side.BUY, 100, 1005_00, Product.MIS)
                .modified(0, 1004_00, 0);
        Order journaled = new Order(OrderId.of(7), request, OrderStatus.PARTIALLY_FILLED, "SIM-7", 40,
                40 * 1000_00L, T0, T0);

        venue.restore(journaled);
        assertThat(reports.fresh()).isEmpty();
        assertThat(venue.knows(journaled.id())).isTrue();
        assertThat(venue.workingOrders(INFY)).containsExactly(journaled.id());

        tick(1000, 1004_05, 500);
        tick(2000, 1004_00, 500);
        assertThat(reports.fresh()).containsExactly(new Filled(journaled.id(), "SIM-F7-100", 60, 1004_00, 60));
        assertThat(venue.workingOrderCount()).isZero();
    }

    @Test
    void aRestoredDayOrderFromAnEarlierDayExpiresAtTheFirstTime() {
        open(TickVenueConfig.defaults());
        Order yesterday = new Order(OrderId.of(3),
                OrderRequest.limit(ACC, BotId.NONE, INFY, Side.BUY, 10, 900_00, Product.CNC),
                OrderStatus.ACCEPTED, "SIM-3", 0, 0, T0.minus(Duration.ofDays(1)), T0.minus(Duration.ofDays(1)));
        venue.restore(yesterday);

        tick(0, 1000_00, 100);

        assertThat(reports.fresh()).containsExactly(
                new Cancelled(yesterday.id(), "expired at the end of the trading day"));
    }

    @Test
    void restoreTakesOnlyOpenAcknowledgedOrdersOfKnownInstruments() {
        open(TickVenueConfig.defaults());
        OrderRequest request = OrderRequest.market(ACC, BotId.NONE, INFY, Side.BUY, 10, Product.MIS);
        Order submitted = Order.create(OrderId.of(1), request, T0).moveTo(OrderStatus.SUBMITTED, T0);
        Order accepted = submitted.accept("SIM-1", T0);
        Order unknown = Order.create(OrderId.of(2),
                        OrderRequest.market(ACC, BotId.NONE, Symbol.of("TCS"), Side.BUY, 1, Product.MIS), T0)
                .moveTo(OrderStatus.SUBMITTED, T0).accept("SIM-2", T0);

        assertThatThrownBy(() -> venue.restore(submitted)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("only an ACCEPTED or PARTIALLY_FILLED order can be restored, O1 is SUBMITTED");
        assertThatThrownBy(() -> venue.restore(unknown)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown instrument TCS for restored order O2");
        venue.restore(accepted);
        assertThatThrownBy(() -> venue.restore(accepted)).isInstanceOf(IllegalStateException.class)
                .hasMessage("order O1 is already at the venue");
    }

    // ------------------------------------------------------------------ queries and determinism

    @Test
    void remembersEachSymbolsLastTradedPrice() {
        open(TickVenueConfig.defaults());
        tick(0, 1000_00, 100);
        tick(1000, 1001_00, 0);
        tick(500, 999_00, 10); // late: older than the last trade

        assertThat(venue.lastPrice(INFY)).isEqualTo(1001_00);
        assertThat(venue.lastPrice(NIFTY_FUT)).isZero();
    }

    @Test
    void theSameTicksAndCallsGiveTheSameReports() {
        List<RecordedReports.Report> first = script(42);
        List<RecordedReports.Report> second = script(42);

        assertThat(first).hasSizeGreaterThan(50).isEqualTo(second);
        assertThat(first.stream().filter(Filled.class::isInstance).map(r -> ((Filled) r).fillId()))
                .doesNotHaveDuplicates();
    }

    private static List<RecordedReports.Report> script(long seed) {
        java.util.Random random = new java.util.Random(seed);
        RecordedReports recorded = new RecordedReports();
        TickVenue v = new TickVenue(new TickVenueConfig(Duration.ofMillis(150), Duration.ofMillis(300), 5, 0.2, 10),
                TickVenueTest::instrument, (order, quantity, price, date) -> quantity * 3);
        v.connect(recorded);
        List<Order> sent = new ArrayList<>();
        long price = 1000_00;
        for (int i = 0; i < 400; i++) {
            Instant time = T0.plusMillis(100L * i);
            price += 5L * (random.nextInt(5) - 2);
            v.onTick(new Tick(INFY, time, price, random.nextInt(300)));
            if (random.nextInt(4) == 0) {
                Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
                long offset = 5L * random.nextInt(20) * (side == Side.BUY ? -1 : 1);
                OrderRequest request = random.nextBoolean()
                        ? OrderRequest.market(ACC, BotId.NONE, INFY, side, 10 + random.nextInt(200), Product.MIS)
                        : OrderRequest.limit(ACC, BotId.NONE, INFY, side, 10 + random.nextInt(200), price + offset,
                                Product.MIS);
                Order order = Order.create(OrderId.of(sent.size() + 1), request, time);
                sent.add(order);
                v.submit(order);
            }
            if (random.nextInt(10) == 0 && !sent.isEmpty()) {
                v.cancel(sent.get(random.nextInt(sent.size())));
            }
            if (random.nextInt(3) == 0) {
                v.advance(time.plusMillis(50));
            }
        }
        return recorded.all();
    }
}
