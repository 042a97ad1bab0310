package com.quantdesk.sim.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quantdesk.core.domain.Paise;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class NseCostModelTest {

    private static final Symbol RELIANCE = Symbol.of("RELIANCE");
    private static final Symbol INFY = Symbol.of("INFY");

    private final NseCostModel model = new NseCostModel(ChargeRates.zerodhaNse());

    private static Execution execution(Symbol symbol, Side side, Product product, long pricePaise, long quantity) {
        return new Execution(symbol, side, product, Paise.times(pricePaise, quantity));
    }

    @Test
    void intradayRoundTripMatchesTheWorkedExampleToThePaisa() {
        ChargeBreakdown charges = model.charges(List.of(
                execution(RELIANCE, Side.BUY, Product.MIS, 1_400_00, 100),
                execution(RELIANCE, Side.SELL, Product.MIS, 1_407_00, 100)));

        assertThat(charges.brokerage()).isEqualByComparingTo("40");
        assertThat(charges.stt()).isEqualByComparingTo("35");
        assertThat(charges.exchangeTxn()).isEqualByComparingTo("8.33679");
        assertThat(charges.sebiFee()).isEqualByComparingTo("0.2807");
        assertThat(charges.stampDuty()).isEqualByComparingTo("4.2");
        assertThat(charges.gst()).isEqualByComparingTo("8.7511482");
        assertThat(charges.dpCharges()).isEqualByComparingTo("0");
        assertThat(charges.exactTotal()).isEqualByComparingTo("96.5686382");
        assertThat(charges.totalPaise()).isEqualTo(96_57);
    }

    @Test
    void intradayWorkedExampleRoundsComponentsLikeTheDocument() {
        ChargeBreakdown charges = model.charges(List.of(
                execution(RELIANCE, Side.BUY, Product.MIS, 1_400_00, 100),
                execution(RELIANCE, Side.SELL, Product.MIS, 1_407_00, 100)));

        assertThat(charges.brokeragePaise()).isEqualTo(40_00);
        assertThat(charges.sttPaise()).isEqualTo(35_00);
        assertThat(charges.exchangeTxnPaise()).isEqualTo(8_34);
        assertThat(charges.sebiFeePaise()).isEqualTo(28);
        assertThat(charges.stampDutyPaise()).isEqualTo(4_20);
        assertThat(charges.gstPaise()).isEqualTo(8_75);
    }

    @Test
    void deliveryRoundTripMatchesTheWorkedExampleToThePaisa() {
        ChargeBreakdown charges = model.charges(List.of(
                execution(RELIANCE, Side.BUY, Product.CNC, 1_400_00, 10),
                execution(RELIANCE, Side.SELL, Product.CNC, 1_450_00, 10)));

        assertThat(charges.brokerage()).isEqualByComparingTo("0");
        assertThat(charges.stt()).isEqualByComparingTo("28");
        assertThat(charges.exchangeTxn()).isEqualByComparingTo("0.84645");
        assertThat(charges.sebiFee()).isEqualByComparingTo("0.0285");
        assertThat(charges.stampDuty()).isEqualByComparingTo("2.1");
        assertThat(charges.gst()).isEqualByComparingTo("0.157491");
        assertThat(charges.dpCharges()).isEqualByComparingTo("15.93");
        assertThat(charges.exactTotal()).isEqualByComparingTo("47.062441");
        assertThat(charges.totalPaise()).isEqualTo(47_06);
    }

    @Test
    void deliveryTotalIsRoundedOnceNotSummedFromRoundedComponents() {
        ChargeBreakdown charges = model.charges(List.of(
                execution(RELIANCE, Side.BUY, Product.CNC, 1_400_00, 10),
                execution(RELIANCE, Side.SELL, Product.CNC, 1_450_00, 10)));

        long sumOfRounded = charges.brokeragePaise() + charges.sttPaise() + charges.exchangeTxnPaise()
                + charges.sebiFeePaise() + charges.stampDutyPaise() + charges.gstPaise() + charges.dpChargesPaise();

        assertThat(sumOfRounded).isEqualTo(47_07);
        assertThat(charges.totalPaise()).isEqualTo(47_06);
    }

    @Test
    void roundsSttToTheRupeeHalfEvenPerSide() {
        // Buy STT 14.00, sell STT 14.50: the sell side rounds to 14, not 15.
        ChargeBreakdown charges = model.charges(List.of(
                new Execution(RELIANCE, Side.BUY, Product.CNC, 14_000_00),
                new Execution(RELIANCE, Side.SELL, Product.CNC, 14_500_00)));

        assertThat(charges.stt()).isEqualByComparingTo("28");
    }

    @Test
    void sumsSttOverOrdersOfASideBeforeRounding() {
        // Each sell alone has STT 7.50, which rounds to 8; together 15.00.
        ChargeBreakdown charges = model.charges(List.of(
                new Execution(RELIANCE, Side.SELL, Product.CNC, 7_500_00),
                new Execution(INFY, Side.SELL, Product.CNC, 7_500_00)));

        assertThat(charges.stt()).isEqualByComparingTo("15");
        assertThat(model.forOrder(Side.SELL, Product.CNC, 7_500_00, false).stt()).isEqualByComparingTo("8");
    }

    @Test
    void roundsSttSeparatelyPerProduct() {
        // Intraday sell STT 0.50 and delivery sell STT 0.50 each round to 0; together they would be 1.
        ChargeBreakdown charges = model.charges(List.of(
                new Execution(RELIANCE, Side.SELL, Product.MIS, 2_000_00),
                new Execution(INFY, Side.SELL, Product.CNC, 500_00)));

        assertThat(charges.stt()).isEqualByComparingTo("0");
    }

    @Test
    void capsBrokeragePerExecutedOrder() {
        ChargeBreakdown twoSmallOrders = model.charges(List.of(
                new Execution(RELIANCE, Side.BUY, Product.MIS, 50_000_00),
                new Execution(RELIANCE, Side.BUY, Product.MIS, 50_000_00)));
        ChargeBreakdown oneLargeOrder = model.charges(List.of(
                new Execution(RELIANCE, Side.BUY, Product.MIS, 100_000_00)));

        assertThat(twoSmallOrders.brokerage()).isEqualByComparingTo("30");
        assertThat(oneLargeOrder.brokerage()).isEqualByComparingTo("20");
    }

    @Test
    void chargesNoBrokerageForDelivery() {
        assertThat(model.forOrder(Side.BUY, Product.CNC, 10_000_000_00L, false).brokerage()).isEqualByComparingTo("0");
    }

    @Test
    void chargesStampDutyOnBuysOnly() {
        assertThat(model.forOrder(Side.SELL, Product.MIS, 140_000_00, false).stampDuty()).isEqualByComparingTo("0");
        assertThat(model.forOrder(Side.SELL, Product.CNC, 140_000_00, false).stampDuty()).isEqualByComparingTo("0");
        assertThat(model.forOrder(Side.BUY, Product.CNC, 140_000_00, false).stampDuty()).isEqualByComparingTo("21");
    }

    @Test
    void chargesTheDpChargeOncePerSymbolWithADeliverySell() {
        ChargeBreakdown sameSymbol = model.charges(List.of(
                new Execution(RELIANCE, Side.SELL, Product.CNC, 10_000_00),
                new Execution(RELIANCE, Side.SELL, Product.CNC, 20_000_00)));
        ChargeBreakdown twoSymbols = model.charges(List.of(
                new Execution(RELIANCE, Side.SELL, Product.CNC, 10_000_00),
                new Execution(INFY, Side.SELL, Product.CNC, 20_000_00)));
        ChargeBreakdown noDeliverySell = model.charges(List.of(
                new Execution(RELIANCE, Side.SELL, Product.MIS, 10_000_00),
                new Execution(INFY, Side.BUY, Product.CNC, 20_000_00)));

        assertThat(sameSymbol.dpCharges()).isEqualByComparingTo("15.93");
        assertThat(twoSymbols.dpCharges()).isEqualByComparingTo("31.86");
        assertThat(noDeliverySell.dpCharges()).isEqualByComparingTo("0");
    }

    @Test
    void chargesSingleOrdersOfTheIntradayExample() {
        assertThat(model.forOrder(Side.BUY, Product.MIS, 140_000_00, false).totalPaise()).isEqualTo(32_87);
        assertThat(model.forOrder(Side.SELL, Product.MIS, 140_700_00, false).totalPaise()).isEqualTo(63_70);
    }

    @Test
    void chargesTheDpChargeOnAnOrderOnlyWhenAskedTo() {
        assertThat(model.forOrder(Side.SELL, Product.CNC, 14_500_00, true).dpCharges()).isEqualByComparingTo("15.93");
        assertThat(model.forOrder(Side.SELL, Product.CNC, 14_500_00, false).dpCharges()).isEqualByComparingTo("0");
    }

    @Test
    void rejectsTheDpChargeOnAnythingButADeliverySell() {
        assertThatThrownBy(() -> model.forOrder(Side.SELL, Product.MIS, 100_00, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DP");
        assertThatThrownBy(() -> model.forOrder(Side.BUY, Product.CNC, 100_00, true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsANonPositiveValue() {
        assertThatThrownBy(() -> model.forOrder(Side.BUY, Product.MIS, 0, false))
                .hasMessageContaining("cumulativeValuePaise");
        assertThatThrownBy(() -> new Execution(RELIANCE, Side.BUY, Product.MIS, -1))
                .hasMessageContaining("valuePaise");
    }

    @Test
    void chargesNothingForAnEmptyContractNote() {
        assertThat(model.charges(List.of())).isEqualTo(ChargeBreakdown.ZERO);
    }

    @Test
    void usesTheConfiguredRates() {
        NseCostModel withIpft = new NseCostModel(
                ChargeRates.zerodhaNse().withExchangeTxnRate(new BigDecimal("0.0000307")));

        ChargeBreakdown charges = withIpft.charges(List.of(
                execution(RELIANCE, Side.BUY, Product.MIS, 1_400_00, 100),
                execution(RELIANCE, Side.SELL, Product.MIS, 1_407_00, 100)));

        assertThat(charges.exchangeTxn()).isEqualByComparingTo("8.61749");
    }
}
