package com.quantdesk.sim.cost;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantdesk.core.domain.OrderId;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class CostPropertiesTest {

    // Up to ₹100 crore per order: far beyond retail sizes, far below overflow.
    private static final long MAX_VALUE_PAISE = 1_000_000_000_000L;
    private static final LocalDate TRADE_DATE = LocalDate.of(2026, 3, 2);

    private final NseCostModel model = new NseCostModel(ChargeRates.zerodhaNse());

    @Property
    void orderChargesAreNeverNegative(@ForAll Side side, @ForAll Product product,
                                      @ForAll @LongRange(min = 1, max = MAX_VALUE_PAISE) long valuePaise) {
        ChargeBreakdown charges = model.forOrder(side, product, valuePaise, isDeliverySell(side, product));

        assertThat(charges.totalPaise()).isNotNegative();
        assertThat(charges.exactTotal()).isNotNegative();
    }

    @Property
    void contractNoteChargesAreNeverNegative(@ForAll("executions") @Size(max = 20) List<Execution> executions) {
        assertThat(model.charges(executions).totalPaise()).isNotNegative();
    }

    @Property
    void ledgerDebitsOfAnOrderAddUpToItsTotal(
            @ForAll Side side, @ForAll Product product,
            @ForAll @Size(min = 1, max = 20) List<@LongRange(min = 1, max = 10_000_000_000L) Long> fills) {
        ChargesLedger ledger = new ChargesLedger(model);
        OrderId order = OrderId.of(1);

        long debited = 0;
        long cumulative = 0;
        for (long fill : fills) {
            long debit = ledger.chargeForFill(order, Symbol.of("RELIANCE"), side, product, fill, TRADE_DATE);
            assertThat(debit).isNotNegative();
            debited += debit;
            cumulative += fill;
        }

        ChargeBreakdown whole = model.forOrder(side, product, cumulative, isDeliverySell(side, product));
        assertThat(debited).isEqualTo(whole.totalPaise()).isEqualTo(ledger.bookedPaise());
        assertThat(ledger.breakdownForOrder(order)).isEqualTo(whole);
    }

    @Property
    void chargesAreMonotoneInValue(@ForAll Side side, @ForAll Product product,
                                   @ForAll @LongRange(min = 1, max = MAX_VALUE_PAISE) long a,
                                   @ForAll @LongRange(min = 0, max = 100_000_000L) long increase) {
        boolean dp = isDeliverySell(side, product);
        ChargeBreakdown smaller = model.forOrder(side, product, a, dp);
        ChargeBreakdown larger = model.forOrder(side, product, a + increase, dp);

        assertThat(larger.totalPaise()).isGreaterThanOrEqualTo(smaller.totalPaise());
        assertThat(larger.exactTotal()).isGreaterThanOrEqualTo(smaller.exactTotal());
        assertThat(larger.brokerage()).isGreaterThanOrEqualTo(smaller.brokerage());
        assertThat(larger.stt()).isGreaterThanOrEqualTo(smaller.stt());
    }

    @Property
    void aContractNoteOfOneOrderChargesWhatTheOrderAloneDoes(@ForAll("executions") @Size(min = 1, max = 1)
                                                             List<Execution> executions) {
        Execution only = executions.getFirst();

        assertThat(model.charges(executions)).isEqualTo(model.forOrder(
                only.side(), only.product(), only.valuePaise(), isDeliverySell(only.side(), only.product())));
    }

    @Provide
    Arbitrary<List<Execution>> executions() {
        Arbitrary<Execution> execution = Combinators.combine(
                Arbitraries.of("RELIANCE", "INFY", "TCS").map(Symbol::of),
                Arbitraries.of(Side.class),
                Arbitraries.of(Product.class),
                Arbitraries.longs().between(1, MAX_VALUE_PAISE)).as(Execution::new);
        return execution.list();
    }

    private static boolean isDeliverySell(Side side, Product product) {
        return side == Side.SELL && product == Product.CNC;
    }
}
