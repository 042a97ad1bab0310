package com.quantdesk.sim.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quantdesk.core.domain.OrderId;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ChargesLedgerTest {

    private static final Symbol RELIANCE = Symbol.of("RELIANCE");
    private static final Symbol INFY = Symbol.of("INFY");
    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
    private static final LocalDate TUESDAY = MONDAY.plusDays(1);

    private final ChargesLedger ledger = new ChargesLedger(new NseCostModel(ChargeRates.zerodhaNse()));

    @Test
    void chargesPartialFillsOfAnOrderLikeOneFillOfTheSameValue() {
        OrderId split = OrderId.of(1);
        long first = ledger.chargeForFill(split, RELIANCE, Side.BUY, Product.MIS, 40_000_00, MONDAY);
        long second = ledger.chargeForFill(split, RELIANCE, Side.BUY, Product.MIS, 50_000_00, MONDAY);
        long third = ledger.chargeForFill(split, RELIANCE, Side.BUY, Product.MIS, 50_000_00, MONDAY);

        ChargesLedger other = new ChargesLedger(new NseCostModel(ChargeRates.zerodhaNse()));
        long whole = other.chargeForFill(OrderId.of(1), RELIANCE, Side.BUY, Product.MIS, 140_000_00, MONDAY);

        assertThat(first + second + third).isEqualTo(whole).isEqualTo(32_87);
        assertThat(ledger.breakdownForOrder(split)).isEqualTo(other.breakdownForOrder(OrderId.of(1)));
        // Charged fill by fill, brokerage would be 12 + 15 + 15; the cap applies to the order.
        assertThat(ledger.breakdownForOrder(split).brokerage()).isEqualByComparingTo("20");
    }

    @Test
    void chargesTheIntradayRoundTripOfTheWorkedExample() {
        long buy = ledger.chargeForFill(OrderId.of(1), RELIANCE, Side.BUY, Product.MIS, 140_000_00, MONDAY);
        long sell = ledger.chargeForFill(OrderId.of(2), RELIANCE, Side.SELL, Product.MIS, 140_700_00, MONDAY);

        assertThat(buy).isEqualTo(32_87);
        assertThat(sell).isEqualTo(63_70);
        assertThat(ledger.bookedPaise()).isEqualTo(96_57);
        assertThat(ledger.total().totalPaise()).isEqualTo(96_57);
        assertThat(ledger.total().exactTotal()).isEqualByComparingTo("96.5686382");
    }

    @Test
    void roundsEachOrderSoDebitsCanDifferFromTheContractNoteTotal() {
        // Delivery example: 16.607164 + 30.455277 are debited as 16.61 + 30.46 = 47.07,
        // while the contract note rounds 47.062441 once to 47.06.
        long buy = ledger.chargeForFill(OrderId.of(1), RELIANCE, Side.BUY, Product.CNC, 14_000_00, MONDAY);
        long sell = ledger.chargeForFill(OrderId.of(2), RELIANCE, Side.SELL, Product.CNC, 14_500_00, MONDAY);

        assertThat(buy).isEqualTo(16_61);
        assertThat(sell).isEqualTo(30_46);
        assertThat(ledger.bookedPaise()).isEqualTo(47_07);
        assertThat(ledger.total().exactTotal()).isEqualByComparingTo("47.062441");
        assertThat(ledger.total().totalPaise()).isEqualTo(47_06);
    }

    @Test
    void chargesTheDpChargeOncePerSymbolPerDay() {
        ledger.chargeForFill(OrderId.of(1), RELIANCE, Side.SELL, Product.CNC, 10_000_00, MONDAY);
        ledger.chargeForFill(OrderId.of(1), RELIANCE, Side.SELL, Product.CNC, 10_000_00, MONDAY);
        ledger.chargeForFill(OrderId.of(2), RELIANCE, Side.SELL, Product.CNC, 10_000_00, MONDAY);
        ledger.chargeForFill(OrderId.of(3), INFY, Side.SELL, Product.CNC, 10_000_00, MONDAY);
        ledger.chargeForFill(OrderId.of(4), RELIANCE, Side.SELL, Product.CNC, 10_000_00, TUESDAY);

        assertThat(ledger.breakdownForOrder(OrderId.of(1)).dpCharges()).isEqualByComparingTo("15.93");
        assertThat(ledger.breakdownForOrder(OrderId.of(2)).dpCharges()).isEqualByComparingTo("0");
        assertThat(ledger.breakdownForOrder(OrderId.of(3)).dpCharges()).isEqualByComparingTo("15.93");
        assertThat(ledger.breakdownForOrder(OrderId.of(4)).dpCharges()).isEqualByComparingTo("15.93");
        assertThat(ledger.total().dpCharges()).isEqualByComparingTo("47.79");
    }

    @Test
    void chargesNoDpChargeForIntradaySellsOrDeliveryBuys() {
        ledger.chargeForFill(OrderId.of(1), RELIANCE, Side.SELL, Product.MIS, 10_000_00, MONDAY);
        ledger.chargeForFill(OrderId.of(2), RELIANCE, Side.BUY, Product.CNC, 10_000_00, MONDAY);

        assertThat(ledger.total().dpCharges()).isEqualByComparingTo("0");
    }

    @Test
    void keepsChargesInTheTotalAfterForgettingAnOrder() {
        OrderId order = OrderId.of(7);
        ledger.chargeForFill(order, RELIANCE, Side.BUY, Product.MIS, 140_000_00, MONDAY);

        ledger.forget(order);

        assertThat(ledger.breakdownForOrder(order)).isEqualTo(ChargeBreakdown.ZERO);
        assertThat(ledger.total().totalPaise()).isEqualTo(32_87);
        assertThat(ledger.bookedPaise()).isEqualTo(32_87);
    }

    @Test
    void reportsNothingForAnUnknownOrder() {
        assertThat(ledger.breakdownForOrder(OrderId.of(99))).isEqualTo(ChargeBreakdown.ZERO);
        assertThat(ledger.total()).isEqualTo(ChargeBreakdown.ZERO);
    }

    @Test
    void rejectsAFillThatDoesNotMatchItsOrderAndBooksNothing() {
        OrderId order = OrderId.of(1);
        ledger.chargeForFill(order, RELIANCE, Side.BUY, Product.MIS, 10_000_00, MONDAY);
        ChargeBreakdown before = ledger.total();

        assertThatThrownBy(() -> ledger.chargeForFill(order, RELIANCE, Side.SELL, Product.MIS, 10_000_00, MONDAY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("O1");
        assertThatThrownBy(() -> ledger.chargeForFill(order, INFY, Side.BUY, Product.MIS, 10_000_00, MONDAY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ledger.chargeForFill(order, RELIANCE, Side.BUY, Product.CNC, 10_000_00, MONDAY))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(ledger.total()).isEqualTo(before);
    }

    @Test
    void rejectsATradeDateBeforeAnEarlierFillAndBooksNothing() {
        ledger.chargeForFill(OrderId.of(1), RELIANCE, Side.BUY, Product.MIS, 10_000_00, TUESDAY);

        assertThatThrownBy(() -> ledger.chargeForFill(OrderId.of(2), RELIANCE, Side.BUY, Product.MIS, 10_000_00, MONDAY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trade date");
        assertThat(ledger.breakdownForOrder(OrderId.of(2))).isEqualTo(ChargeBreakdown.ZERO);
    }

    @Test
    void aRejectedFillDoesNotClaimTheDayDpCharge() {
        OrderId order = OrderId.of(1);
        ledger.chargeForFill(order, RELIANCE, Side.BUY, Product.CNC, 10_000_00, MONDAY);
        assertThatThrownBy(() -> ledger.chargeForFill(OrderId.of(2), RELIANCE, Side.SELL, Product.CNC, 0, MONDAY))
                .hasMessageContaining("fillValuePaise");

        ledger.chargeForFill(OrderId.of(3), RELIANCE, Side.SELL, Product.CNC, 10_000_00, MONDAY);

        assertThat(ledger.breakdownForOrder(OrderId.of(3)).dpCharges()).isEqualByComparingTo("15.93");
    }
}
