package com.quantdesk.sim.cost;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantdesk.core.domain.OrderId;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Assume;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Differential tests: the fixed-point charges against the exact BigDecimal formula. */
class FixedPointChargesTest {

    private static final NseCostModel ZERODHA = new NseCostModel(ChargeRates.zerodhaNse());

    @Property(tries = 5_000)
    void zerodhaChargesMatchTheExactFormula(@ForAll Side side, @ForAll Product product,
                                            @ForAll("values") long valuePaise) {
        assertSameAsExact(ZERODHA, side, product, valuePaise);
    }

    @Property(tries = 2_000)
    void anyRatesChargesMatchTheExactFormula(@ForAll("rates") ChargeRates rates, @ForAll Side side,
                                            @ForAll Product product, @ForAll("values") long valuePaise) {
        assertSameAsExact(new NseCostModel(rates), side, product, valuePaise);
    }

    @Property(tries = 300)
    void theLedgerBooksWhatTheExactFormulaCharges(
            @ForAll @Size(min = 1, max = 30) List<@LongRange(min = 1, max = 2_000_000_000_000L) Long> fills,
            @ForAll Side side, @ForAll Product product) {
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

    private static void assertSameAsExact(NseCostModel model, Side side, Product product, long valuePaise) {
        for (boolean dp : side == Side.SELL && product == Product.CNC ? new boolean[] {false, true}
                : new boolean[] {false}) {
            ChargeBreakdown exact = model.exactForOrder(side, product, valuePaise, dp);
            // Rates above 100% on huge values give totals beyond a long of paise: nothing to compare.
            Assume.that(exact.exactTotal().compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 1_000)) < 0);
            long[] fixed = model.fixedPointForOrder(side, product, valuePaise, dp);
            if (fixed != null) {
                assertThat(model.fixedPoint().toBreakdown(fixed)).isEqualTo(exact);
                assertThat(fixed[FixedPointCharges.TOTAL_PAISE]).isEqualTo(exact.totalPaise());
            }
            assertThat(model.forOrder(side, product, valuePaise, dp)).isEqualTo(exact);
            assertThat(model.forOrder(side, product, valuePaise, dp).totalPaise()).isEqualTo(exact.totalPaise());
        }
    }

    @Provide
    Arbitrary<Long> values() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(1, 100_000_000L),
                Arbitraries.longs().between(1, 20_000_000_000L),
                Arbitraries.longs().between(1, Long.MAX_VALUE / 2),
                // Values around where the 20-rupee brokerage cap and STT's half rupee bite.
                Arbitraries.longs().between(6_666_000L, 6_667_000L),
                Arbitraries.longs().between(49_000L, 51_000L));
    }

    @Provide
    Arbitrary<ChargeRates> rates() {
        Arbitrary<BigDecimal> rate = Combinators.combine(Arbitraries.longs().between(0, 1_000_000L),
                Arbitraries.integers().between(-2, 8)).as(BigDecimal::valueOf);
        Arbitrary<ProductRates> product = Combinators.combine(rate, Arbitraries.longs().between(0, 100_000L), rate,
                rate, rate).as(ProductRates::new);
        return Combinators.combine(product, product, rate, rate, rate, Arbitraries.longs().between(0, 10_000L))
                .as(ChargeRates::new);
    }
}
