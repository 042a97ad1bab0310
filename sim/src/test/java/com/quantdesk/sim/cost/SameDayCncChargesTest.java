package com.quantdesk.sim.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quantdesk.core.domain.OrderId;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** CNC shares bought and sold on the same day are charged as intraday, as the contract note does. */
class SameDayCncChargesTest {

    private static final Symbol RELIANCE = Symbol.of("RELIANCE");
    private static final Symbol INFY = Symbol.of("INFY");
    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
    private static final LocalDate TUESDAY = MONDAY.plusDays(1);

    private final ChargesLedger ledger = new ChargesLedger(new NseCostModel(ChargeRates.zerodhaNse()));

    private long fill(long id, Symbol symbol, Side side, long quantity, long price, LocalDate date) {
        return ledger.chargeForFill(OrderId.of(id), symbol, side, Product.CNC, quantity, price, date);
    }

    @Test
    void aCncRoundTripWithinTheDayCostsWhatTheIntradayWorkedExampleCosts() {
        // The buy is charged as delivery when it fills: 140 STT + 21 stamp + 4.158 + 0.14 + 0.77364.
        long buy = fill(1, RELIANCE, Side.BUY, 100, 1_400_00, MONDAY);
        // The sell turns both sides intraday: 32.87 (buy) + 63.70 (sell) − the 166.07 already paid.
        long sell = fill(2, RELIANCE, Side.SELL, 100, 1_407_00, MONDAY);

        assertThat(buy).isEqualTo(166_07);
        assertThat(sell).isEqualTo(-69_50);
        assertThat(ledger.bookedPaise()).isEqualTo(96_57);
        assertThat(ledger.total().exactTotal()).isEqualByComparingTo("96.5686382");
        assertThat(ledger.total().dpChargesPaise()).isZero();
        assertThat(ledger.total().stt()).isEqualByComparingTo("35");
        assertThat(ledger.total().stampDuty()).isEqualByComparingTo("4.2");
        assertThat(ledger.total().brokerage()).isEqualByComparingTo("40");
    }

    @Test
    void onlyTheSharesSoldTheSameDayAreIntradayTheRestStaysDelivery() {
        long buy = fill(1, RELIANCE, Side.BUY, 10, 1_400_00, MONDAY);
        long sell = fill(2, RELIANCE, Side.SELL, 4, 1_450_00, MONDAY);

        assertThat(buy).isEqualTo(16_61);
        // Buy: 4 intraday (₹5,600: 2.3532656 → 2.35) and 6 delivery (₹8,400: 9.5642984 → 9.56); sell: 4
        // intraday (₹5,800: 1.74 + STT round(1.45) = 1 + 0.17226 + 0.0058 + 0.3452508 → 3.26); no DP charge.
        assertThat(sell).isEqualTo(2_35 + 9_56 + 3_26 - 16_61).isEqualTo(-1_44);
        assertThat(ledger.breakdownForOrder(OrderId.of(1)).exactTotal()).isEqualByComparingTo("11.917564");
        assertThat(ledger.breakdownForOrder(OrderId.of(2)).exactTotal()).isEqualByComparingTo("3.2633108");

        // The six carried overnight are sold as delivery the next day, with the DP charge.
        long nextDay = fill(3, RELIANCE, Side.SELL, 6, 1_450_00, TUESDAY);
        // ₹8,700: STT round(8.7) = 9, txn 0.25839, SEBI 0.0087, GST 0.0480762, DP 15.93.
        assertThat(nextDay).isEqualTo(25_25);
    }

    @Test
    void sellingHoldingsAndBuyingThemBackTheSameDayRefundsTheDpCharge() {
        long sell = fill(1, RELIANCE, Side.SELL, 10, 1_450_00, MONDAY);
        long buy = fill(2, RELIANCE, Side.BUY, 10, 1_400_00, MONDAY);

        assertThat(sell).isEqualTo(30_46);
        // Sell intraday 9.658277 → 9.66, buy intraday 5.883164 → 5.88, less the 30.46 paid.
        assertThat(buy).isEqualTo(9_66 + 5_88 - 30_46).isEqualTo(-14_92);
        assertThat(ledger.bookedPaise()).isEqualTo(15_54);
        assertThat(ledger.total().dpChargesPaise()).isZero();
    }

    @Test
    void symbolsAndDaysAreNettedSeparately() {
        fill(1, RELIANCE, Side.BUY, 10, 1_400_00, MONDAY);
        long otherSymbol = fill(2, INFY, Side.SELL, 10, 1_450_00, MONDAY);
        long nextDay = fill(3, RELIANCE, Side.SELL, 10, 1_450_00, TUESDAY);

        // Neither sell squares off a buy of its own symbol and day: both are delivery sells with the DP charge.
        assertThat(otherSymbol).isEqualTo(30_46);
        assertThat(nextDay).isEqualTo(30_46);
    }

    @Test
    void partialFillsOfTheSquaringOffOrderAreChargedAsOneOrder() {
        fill(1, RELIANCE, Side.BUY, 100, 1_400_00, MONDAY);
        long first = fill(2, RELIANCE, Side.SELL, 40, 1_407_00, MONDAY);
        long second = fill(2, RELIANCE, Side.SELL, 60, 1_407_00, MONDAY);

        // The same total as the single fill of 100: the ₹20 brokerage cap applies to the order.
        assertThat(first + second).isEqualTo(-69_50);
        assertThat(ledger.bookedPaise()).isEqualTo(96_57);
    }

    @Test
    void aCncOrderMayNotChangeSide() {
        fill(1, RELIANCE, Side.BUY, 10, 1_400_00, MONDAY);

        assertThatThrownBy(() -> fill(1, RELIANCE, Side.SELL, 10, 1_400_00, MONDAY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fill RELIANCE SELL CNC does not match order O1 (BUY)");
        assertThat(ledger.bookedPaise()).isEqualTo(16_61);
    }

    @Test
    void misFillsGoThroughTheQuantityOverloadUnchanged() {
        long buy = ledger.chargeForFill(OrderId.of(1), RELIANCE, Side.BUY, Product.MIS, 100, 1_400_00, MONDAY);

        assertThat(buy).isEqualTo(32_87);
    }
}
