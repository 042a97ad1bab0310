package com.quantdesk.sim.cost;

import static com.quantdesk.core.testing.Generators.spreadLongs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.lists;

import com.quantdesk.core.domain.OrderId;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class CostPropertiesTest {

    // Up to ₹100 crore per order: far beyond retail sizes, far below overflow.
    private static final long MAX_VALUE_PAISE = 1_000_000_000_000L;
    private static final LocalDate TRADE_DATE = LocalDate.of(2026, 3, 2);

    private static final Gen<Side> SIDES = arbitrary().enumValues(Side.class);
    private static final Gen<Product> PRODUCTS = arbitrary().enumValues(Product.class);

    private final NseCostModel model = new NseCostModel(ChargeRates.zerodhaNse());

    @Test
    void orderChargesAreNeverNegative() {
        qt().withExamples(1_000).forAll(SIDES, PRODUCTS, spreadLongs(1, MAX_VALUE_PAISE))
                .checkAssert((side, product, valuePaise) -> {
                    ChargeBreakdown charges = model.forOrder(side, product, valuePaise, isDeliverySell(side, product));

                    assertThat(charges.totalPaise()).isNotNegative();
                    assertThat(charges.exactTotal()).isNotNegative();
                });
    }

    @Test
    void contractNoteChargesAreNeverNegative() {
        qt().withExamples(1_000).forAll(lists().of(execution()).ofSizeBetween(0, 20))
                .checkAssert(executions -> assertThat(model.charges(executions).totalPaise()).isNotNegative());
    }

    @Test
    void ledgerDebitsOfAnOrderAddUpToItsTotal() {
        qt().withExamples(1_000)
                .forAll(SIDES, PRODUCTS, lists().of(spreadLongs(1, 10_000_000_000L)).ofSizeBetween(1, 20))
                .checkAssert(this::debitsAddUpToTheTotal);
    }

    private void debitsAddUpToTheTotal(Side side, Product product, List<Long> fills) {
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

    @Test
    void chargesAreMonotoneInValue() {
        qt().withExamples(1_000)
                .forAll(SIDES, PRODUCTS, spreadLongs(1, MAX_VALUE_PAISE), spreadLongs(0, 100_000_000L))
                .checkAssert(this::monotoneInValue);
    }

    private void monotoneInValue(Side side, Product product, long a, long increase) {
        boolean dp = isDeliverySell(side, product);
        ChargeBreakdown smaller = model.forOrder(side, product, a, dp);
        ChargeBreakdown larger = model.forOrder(side, product, a + increase, dp);

        assertThat(larger.totalPaise()).isGreaterThanOrEqualTo(smaller.totalPaise());
        assertThat(larger.exactTotal()).isGreaterThanOrEqualTo(smaller.exactTotal());
        assertThat(larger.brokerage()).isGreaterThanOrEqualTo(smaller.brokerage());
        assertThat(larger.stt()).isGreaterThanOrEqualTo(smaller.stt());
    }

    @Test
    void aContractNoteOfOneOrderChargesWhatTheOrderAloneDoes() {
        qt().withExamples(1_000).forAll(lists().of(execution()).ofSize(1)).checkAssert(executions -> {
            Execution only = executions.getFirst();

            assertThat(model.charges(executions)).isEqualTo(model.forOrder(
                    only.side(), only.product(), only.valuePaise(), isDeliverySell(only.side(), only.product())));
        });
    }

    static Gen<Execution> execution() {
        return arbitrary().pick("RELIANCE", "INFY", "TCS").map(Symbol::of)
                .zip(SIDES, PRODUCTS, spreadLongs(1, MAX_VALUE_PAISE), Execution::new);
    }

    private static boolean isDeliverySell(Side side, Product product) {
        return side == Side.SELL && product == Product.CNC;
    }
}
