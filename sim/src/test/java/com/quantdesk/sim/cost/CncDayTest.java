package com.quantdesk.sim.cost;

import static com.quantdesk.core.testing.Generators.spreadLongs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.quantdesk.core.domain.OrderId;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Differential: a CNC day held in fixed-point form charges exactly what one held as BigDecimal breakdowns does. */
class CncDayTest {

    private static final NseCostModel ZERODHA = new NseCostModel(ChargeRates.zerodhaNse());
    private static final Symbol INFY = Symbol.of("INFY");
    private static final int ORDERS = 6;

    /** One fill: which of the day's orders, how many shares, at what price (paise). */
    private record Fill(int order, long quantity, long price) {
    }

    private static Gen<Fill> fills(long maxQuantity, long maxPrice) {
        return integers().between(0, ORDERS - 1).zip(spreadLongs(1, maxQuantity), spreadLongs(1, maxPrice),
                Fill::new);
    }

    @Test
    void fixedPointDaysChargeWhatExactDaysCharge() {
        qt().withExamples(1_000)
                .forAll(lists().of(arbitrary().enumValues(Side.class)).ofSize(ORDERS),
                        lists().of(fills(100_000, 10_000_000)).ofSizeBetween(1, 40))
                .checkAssert(CncDayTest::sameAsExact);
    }

    @Test
    void aDayWhoseValuesOutgrowLongArithmeticGoesOnExactlyWithTheSameCharges() {
        // Up to ₹10 crore a share and a million shares a fill (a day's value stays within a long):
        // large days overflow the fixed-point form at some fill and are held exactly from then on.
        qt().withExamples(500)
                .forAll(lists().of(arbitrary().enumValues(Side.class)).ofSize(ORDERS),
                        lists().of(fills(1_000_000, 1_000_000_000_00L)).ofSizeBetween(1, 12))
                .checkAssert(CncDayTest::sameAsExact);
    }

    @Test
    void aHugeFillSwitchesTheDayToExactBreakdowns() {
        CncDay day = new CncDay(ZERODHA);
        CncDay.Change small = day.add(OrderId.of(1), INFY, Side.BUY, 10, 1_500_00);
        CncDay.Change huge = day.add(OrderId.of(2), INFY, Side.SELL, 10_000_000, 900_000_000_00L);

        assertThat(small.fixedDelta()).isNotNull();
        assertThat(huge.fixedDelta()).isNull();
        assertThat(huge.before()).isEqualTo(ZERODHA.fixedPoint().toBreakdown(small.fixedDelta()));
    }

    private static void sameAsExact(List<Side> sides, List<Fill> fills) {
        CncDay fixed = new CncDay(ZERODHA);
        CncDay exact = new CncDay(ZERODHA, true);
        ChargeBreakdown fixedTotal = ChargeBreakdown.ZERO;
        for (Fill f : fills) {
            OrderId id = OrderId.of(f.order() + 1);
            Side side = sides.get(f.order());
            CncDay.Change a = fixed.add(id, INFY, side, f.quantity(), f.price());
            CncDay.Change b = exact.add(id, INFY, side, f.quantity(), f.price());

            assertThat(b.fixedDelta()).isNull();
            assertThat(a.debitPaise()).as("debit of %s", f).isEqualTo(b.debitPaise());
            if (a.fixedDelta() != null) {
                fixedTotal = fixedTotal.plus(part(a.fixedDelta(), 1)).minus(part(a.fixedDelta(), -1));
            } else {
                assertThat(a.before()).isEqualTo(fixedTotal);
                fixedTotal = a.after();
            }
            assertThat(fixedTotal).as("day after %s", f).isEqualTo(b.after());
            for (int order = 1; order <= ORDERS; order++) {
                assertThat(fixed.breakdown(OrderId.of(order))).isEqualTo(exact.breakdown(OrderId.of(order)));
            }
        }
    }

    private static ChargeBreakdown part(long[] delta, int sign) {
        long[] part = new long[delta.length];
        for (int i = 0; i < delta.length; i++) {
            part[i] = Math.max(0, sign * delta[i]);
        }
        return ZERODHA.fixedPoint().toBreakdown(part);
    }
}
