package com.quantdesk.sim.cost;

import static com.quantdesk.core.testing.Generators.spreadLongs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import com.quantdesk.core.domain.OrderId;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Differential tests: the fixed-point charges against the exact BigDecimal formula. */
class FixedPointChargesTest {

    private static final NseCostModel ZERODHA = new NseCostModel(ChargeRates.zerodhaNse());
    private static final Gen<Side> SIDES = arbitrary().enumValues(Side.class);
    private static final Gen<Product> PRODUCTS = arbitrary().enumValues(Product.class);
    /**
     * Draws per example before giving up on a comparable one (see {@link #comparable}): about 38% of
     * arbitrary rate sets are not, so the default of 10 would give up in about one run in ten.
     */
    private static final int GENERATE_ATTEMPTS = 100;

    @Test
    void zerodhaChargesMatchTheExactFormula() {
        qt().withExamples(5_000).withGenerateAttempts(GENERATE_ATTEMPTS).forAll(SIDES, PRODUCTS, values())
                .assuming((side, product, valuePaise) -> comparable(ZERODHA, side, product, valuePaise, false))
                .checkAssert((side, product, valuePaise) -> assertSameAsExact(ZERODHA, side, product, valuePaise));
    }

    @Test
    void anyRatesChargesMatchTheExactFormula() {
        qt().withExamples(2_000).withGenerateAttempts(GENERATE_ATTEMPTS).forAll(rates(), SIDES, PRODUCTS, values())
                .assuming((rates, side, product, valuePaise) ->
                        comparable(new NseCostModel(rates), side, product, valuePaise, false))
                .checkAssert((rates, side, product, valuePaise) ->
                        assertSameAsExact(new NseCostModel(rates), side, product, valuePaise));
    }

    @Test
    void theLedgerBooksWhatTheExactFormulaCharges() {
        qt().withExamples(300)
                .forAll(lists().of(spreadLongs(1, 2_000_000_000_000L)).ofSizeBetween(1, 30), SIDES, PRODUCTS)
                .checkAssert(FixedPointChargesTest::ledgerBooksTheExactFormula);
    }

    private static void ledgerBooksTheExactFormula(List<Long> fills, Side side, Product product) {
        ChargesLedger ledger = new ChargesLedger(ZERODHA);
        ChargeBreakdown expectedTotal = ChargeBreakdown.ZERO;
        long booked = 0;
        long id = 1;
        for (long fill : fills) {
            // Each fill is its own order, so each pays the formula on its own value.
            long debit = ledger.chargeForFill(OrderId.of(id++), Symbol.of("INFY"), side, product, fill,
                    LocalDate.of(2026, 3, 2));
            boolean dp = side == Side.SELL && product == Product.CNC && id == 2;
            ChargeBreakdown exact = ZERODHA.exactForOrder(side, product, fill, dp);
            assertThat(debit).isEqualTo(exact.totalPaise());
            expectedTotal = expectedTotal.plus(exact);
            booked += debit;
        }
        assertThat(ledger.total()).isEqualTo(expectedTotal);
        assertThat(ledger.bookedPaise()).isEqualTo(booked);
    }

    @Test
    void aValueTooLargeForLongArithmeticTakesTheExactPath() {
        long huge = 4_000_000_000_000_000L;

        assertThat(ZERODHA.fixedPointForOrder(Side.BUY, Product.MIS, huge, false)).isNull();
        assertThat(ZERODHA.forOrder(Side.BUY, Product.MIS, huge, false))
                .isEqualTo(ZERODHA.exactForOrder(Side.BUY, Product.MIS, huge, false));
    }

    @Test
    void zerodhaRatesFitTheFixedPointForm() {
        assertThat(ZERODHA.fixedPoint()).isNotNull();
        assertThat(ZERODHA.fixedPoint().scale()).isEqualTo(11);
    }

    /**
     * Rates above 100% on huge values give totals beyond a long of paise: nothing to compare. An example
     * is used when its order without the DP charge is comparable (the DP charge only adds to the total).
     */
    private static boolean comparable(NseCostModel model, Side side, Product product, long valuePaise, boolean dp) {
        ChargeBreakdown exact = model.exactForOrder(side, product, valuePaise, dp);
        return exact.exactTotal().compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 1_000)) < 0;
    }

    private static void assertSameAsExact(NseCostModel model, Side side, Product product, long valuePaise) {
        for (boolean dp : side == Side.SELL && product == Product.CNC ? new boolean[] {false, true}
                : new boolean[] {false}) {
            if (!comparable(model, side, product, valuePaise, dp)) {
                continue;
            }
            ChargeBreakdown exact = model.exactForOrder(side, product, valuePaise, dp);
            long[] fixed = model.fixedPointForOrder(side, product, valuePaise, dp);
            if (fixed != null) {
                assertThat(model.fixedPoint().toBreakdown(fixed)).isEqualTo(exact);
                assertThat(fixed[FixedPointCharges.TOTAL_PAISE]).isEqualTo(exact.totalPaise());
            }
            assertThat(model.forOrder(side, product, valuePaise, dp)).isEqualTo(exact);
            assertThat(model.forOrder(side, product, valuePaise, dp).totalPaise()).isEqualTo(exact.totalPaise());
            assertThat(model.totalPaise(side, product, valuePaise, dp)).isEqualTo(exact.totalPaise());
        }
    }

    static Gen<Long> values() {
        return Generate.oneOf(
                longs().between(1, 100_000_000L),
                longs().between(1, 20_000_000_000L),
                longs().between(1, Long.MAX_VALUE / 2),
                // Values around where the 20-rupee brokerage cap and STT's half rupee bite.
                longs().between(6_666_000L, 6_667_000L),
                longs().between(49_000L, 51_000L),
                // Values on which STT at 0.1% or 0.025% comes to exactly half a rupee: the rounding ties.
                longs().between(0, 10_000_000L).zip(arbitrary().pick(50_000L, 200_000L),
                        (n, half) -> (2 * n + 1) * half));
    }

    static Gen<ChargeRates> rates() {
        Gen<BigDecimal> rate = longs().between(0, 1_000_000L).zip(integers().between(-2, 8), BigDecimal::valueOf);
        Gen<ProductRates> product = rate.zip(longs().between(0, 100_000L), rate, rate, rate, ProductRates::new);
        Gen<BigDecimal[]> turnover =
                rate.zip(rate, rate, (exchange, sebi, gst) -> new BigDecimal[] {exchange, sebi, gst});
        return product.zip(product, turnover, longs().between(0, 10_000L), (intraday, delivery, t, dp) ->
                new ChargeRates(intraday, delivery, t[0], t[1], t[2], dp));
    }
}
