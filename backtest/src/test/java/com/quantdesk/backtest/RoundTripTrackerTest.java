package com.quantdesk.backtest;

import static com.quantdesk.backtest.Bars.day;
import static org.assertj.core.api.Assertions.assertThat;

import com.quantdesk.backtest.metrics.RoundTrip;
import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.OrderId;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.event.OrderFilled;
import org.junit.jupiter.api.Test;

class RoundTripTrackerTest {

    private static final Symbol SBIN = Symbol.of("SBIN");

    private final RoundTripTracker tracker = new RoundTripTracker();
    private long nextId = 1;

    @Test
    void scalingInAndOutIsOneTripWithWeightedAveragesAndAnExactGross() {
        fill(0, Side.BUY, Product.CNC, 10, 100_00, 10);
        fill(1, Side.BUY, Product.CNC, 5, 100_01, 5);
        fill(2, Side.SELL, Product.CNC, 8, 110_00, 8);

        assertThat(tracker.closedTrips()).isEmpty();
        assertThat(tracker.openTrips()).isEqualTo(1);

        fill(3, Side.SELL, Product.CNC, 7, 104_03, 7);

        // Entry value 10 × 100.00 + 5 × 100.01 = 1500.05, average 100.0033 → 100.00.
        // Exit value 8 × 110.00 + 7 × 104.03 = 1608.21, average 107.214 → 107.21.
        // Gross is exit − entry value, 108.16, not (107.21 − 100.00) × 15 = 108.15 from the rounded averages.
        assertThat(tracker.closedTrips()).containsExactly(
                new RoundTrip(SBIN, Side.BUY, 15, day(0), 100_00, day(3), 107_21, 108_16, 30, 107_86));
        assertThat(tracker.openTrips()).isZero();
    }

    @Test
    void aFillThatFlipsThePositionClosesOneTripAndOpensTheNextWithChargesSplitProRata() {
        fill(0, Side.BUY, Product.CNC, 10, 100_00, 20);
        fill(1, Side.SELL, Product.CNC, 15, 110_00, 30); // 10 close the long (₹0.20), 5 open a short (₹0.10)

        assertThat(tracker.closedTrips()).containsExactly(
                new RoundTrip(SBIN, Side.BUY, 10, day(0), 100_00, day(1), 110_00, 100_00, 40, 99_60));
        assertThat(tracker.openTrips()).isEqualTo(1);

        fill(2, Side.BUY, Product.CNC, 5, 105_00, 9);

        assertThat(tracker.closedTrips()).containsExactly(
                new RoundTrip(SBIN, Side.BUY, 10, day(0), 100_00, day(1), 110_00, 100_00, 40, 99_60),
                new RoundTrip(SBIN, Side.SELL, 5, day(1), 110_00, day(2), 105_00, 25_00, 19, 24_81));
        assertThat(tracker.openTrips()).isZero();
    }

    @Test
    void splitsAFlippingFillsChargesRoundedHalfEvenWithoutLosingAPaisa() {
        fill(0, Side.BUY, Product.CNC, 10, 100_00, 0);
        fill(1, Side.SELL, Product.CNC, 15, 100_00, 7); // 7 × 10/15 = 4.67 → 5 to the long, 2 to the short
        fill(2, Side.BUY, Product.CNC, 5, 100_00, 0);

        assertThat(tracker.closedTrips()).extracting(RoundTrip::chargesPaise).containsExactly(5L, 2L);
    }

    @Test
    void aShortIntradayTripGainsWhenBoughtBackLower() {
        fill(0, Side.SELL, Product.MIS, 20, 250_00, 15);
        fill(0, Side.BUY, Product.MIS, 20, 245_50, 14);

        // (250.00 − 245.50) × 20 = 90.00 before ₹0.29 of charges.
        assertThat(tracker.closedTrips()).containsExactly(
                new RoundTrip(SBIN, Side.SELL, 20, day(0), 250_00, day(0), 245_50, 90_00, 29, 89_71));
    }

    @Test
    void aShortScaledInAndCoveredAboveTheEntryLoses() {
        fill(0, Side.SELL, Product.MIS, 10, 250_00, 0);
        fill(0, Side.SELL, Product.MIS, 10, 251_00, 0);
        fill(0, Side.BUY, Product.MIS, 20, 252_00, 0);

        // Entry value 5010.00, exit value 5040.00: a short loses the difference.
        assertThat(tracker.closedTrips()).containsExactly(
                new RoundTrip(SBIN, Side.SELL, 20, day(0), 250_50, day(0), 252_00, -30_00, 0, -30_00));
    }

    @Test
    void aShortThatFlipsToALongOpensALongTrip() {
        fill(0, Side.SELL, Product.MIS, 10, 250_00, 0);
        fill(0, Side.BUY, Product.MIS, 25, 249_00, 0);

        assertThat(tracker.closedTrips()).containsExactly(
                new RoundTrip(SBIN, Side.SELL, 10, day(0), 250_00, day(0), 249_00, 10_00, 0, 10_00));
        assertThat(tracker.openTrips()).isEqualTo(1);

        fill(0, Side.SELL, Product.MIS, 15, 250_00, 0);

        assertThat(tracker.closedTrips()).last().isEqualTo(
                new RoundTrip(SBIN, Side.BUY, 15, day(0), 249_00, day(0), 250_00, 15_00, 0, 15_00));
    }

    @Test
    void keepsDeliveryAndIntradayTripsOfOneSymbolApart() {
        fill(0, Side.BUY, Product.CNC, 10, 100_00, 0);
        fill(0, Side.SELL, Product.MIS, 10, 101_00, 0);

        assertThat(tracker.closedTrips()).isEmpty();
        assertThat(tracker.openTrips()).isEqualTo(2);

        fill(0, Side.BUY, Product.MIS, 10, 100_50, 0);

        assertThat(tracker.closedTrips()).containsExactly(
                new RoundTrip(SBIN, Side.SELL, 10, day(0), 101_00, day(0), 100_50, 5_00, 0, 5_00));
        assertThat(tracker.openTrips()).isEqualTo(1);
    }

    private void fill(int day, Side side, Product product, long quantity, long price, long charges) {
        long id = nextId++;
        tracker.onFill(new OrderFilled(id, day(day), AccountId.of("acc"), BotId.of("bot"), id, OrderId.of(id),
                "F" + id, SBIN, side, product, quantity, price, charges, quantity, 0));
    }
}
