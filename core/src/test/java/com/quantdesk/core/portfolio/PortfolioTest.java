package com.quantdesk.core.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortfolioTest {

    private static final Symbol INFY = Symbol.of("INFY");
    private static final Symbol TCS = Symbol.of("TCS");

    @Test
    void longRoundTripBooksCashChargesAndRealizedPnlToThePaisa() {
        Portfolio p = new Portfolio(AccountId.of("acc"), 10_00_000_00L);
        p.applyFill(INFY, Product.MIS, Side.BUY, 100, 1_400_00, 32_87);
        assertThat(p.cash()).isEqualTo(10_00_000_00L - 1_40_000_00L - 32_87);
        assertThat(p.equity()).isEqualTo(10_00_000_00L - 32_87);
        p.mark(INFY, 1_410_50);
        assertThat(p.unrealizedPnl()).isEqualTo(100 * 10_50L);
        assertThat(p.equity()).isEqualTo(10_00_000_00L - 32_87 + 1_050_00);
        p.applyFill(INFY, Product.MIS, Side.SELL, 100, 1_407_00, 63_70);
        assertThat(p.realizedPnl()).isEqualTo(700_00);
        assertThat(p.chargesPaid()).isEqualTo(96_57);
        assertThat(p.cash()).isEqualTo(10_00_000_00L + 700_00 - 96_57);
        assertThat(p.equity()).isEqualTo(p.cash());
        assertThat(p.openPositions()).isEmpty();
        assertThat(p.grossExposure()).isZero();
    }

    @Test
    void shortPositionGainsWhenPriceFalls() {
        Portfolio p = new Portfolio(AccountId.of("acc"), 1_00_000_00L);
        p.applyFill(TCS, Product.MIS, Side.SELL, 10, 3_500_00, 0);
        assertThat(p.quantity(TCS)).isEqualTo(-10);
        assertThat(p.cash()).isEqualTo(1_00_000_00L + 35_000_00L);
        p.mark(TCS, 3_450_00);
        assertThat(p.unrealizedPnl()).isEqualTo(500_00);
        assertThat(p.equity()).isEqualTo(1_00_000_00L + 500_00);
        assertThat(p.grossExposure()).isEqualTo(34_500_00L);
        p.applyFill(TCS, Product.MIS, Side.BUY, 10, 3_440_00, 0);
        assertThat(p.realizedPnl()).isEqualTo(600_00);
        assertThat(p.equity()).isEqualTo(1_00_000_00L + 600_00);
    }

    @Test
    void partialClosesKeepTheRoundingRemainderUntilFlat() {
        Portfolio p = new Portfolio(AccountId.of("acc"), 0);
        p.applyFill(INFY, Product.CNC, Side.BUY, 1, 100_01, 0);
        p.applyFill(INFY, Product.CNC, Side.BUY, 2, 100_00, 0);
        // cost basis 300_01 over 3 shares: average 100_00.33
        Position position = p.positions().iterator().next();
        assertThat(position.averagePrice()).isEqualTo(100_00);
        p.applyFill(INFY, Product.CNC, Side.SELL, 1, 101_00, 0);
        assertThat(position.realizedPnl()).isEqualTo(101_00 - 100_00); // 300_01 * 1/3 = 100_00.33 -> 100_00
        p.applyFill(INFY, Product.CNC, Side.SELL, 2, 101_00, 0);
        assertThat(position.realizedPnl()).isEqualTo(3 * 101_00 - 300_01);
        assertThat(position.costBasis()).isZero();
    }

    @Test
    void aFillThroughZeroFlipsThePositionAtTheFillPrice() {
        Portfolio p = new Portfolio(AccountId.of("acc"), 0);
        p.applyFill(INFY, Product.MIS, Side.BUY, 5, 100_00, 0);
        p.applyFill(INFY, Product.MIS, Side.SELL, 8, 110_00, 0);
        Position position = p.positions().iterator().next();
        assertThat(position.quantity()).isEqualTo(-3);
        assertThat(position.realizedPnl()).isEqualTo(5 * 10_00);
        assertThat(position.averagePrice()).isEqualTo(110_00);
        assertThat(position.costBasis()).isEqualTo(-330_00);
    }

    @Test
    void realizedPnlOfAClosedPositionIsExactlySellsMinusBuys() {
        qt().withExamples(300)
                .forAll(lists().of(integers().between(-50, 50)).ofSizeBetween(1, 30).map(ArrayList::new),
                        lists().of(integers().between(1, 500_000)).ofSize(31).map(ArrayList::new))
                .checkAssert(PortfolioTest::closeAndCompareWithTheCashFlow);
    }

    private static void closeAndCompareWithTheCashFlow(List<Integer> quantities, List<Integer> prices) {
        Portfolio p = new Portfolio(AccountId.of("acc"), 0);
        long net = 0;
        long cashFlow = 0;
        for (int i = 0; i < quantities.size(); i++) {
            int q = quantities.get(i);
            if (q == 0) {
                continue;
            }
            Side side = q > 0 ? Side.BUY : Side.SELL;
            p.applyFill(INFY, Product.MIS, side, Math.abs(q), prices.get(i), 0);
            net += q;
            cashFlow -= (long) q * prices.get(i);
        }
        if (net != 0) {
            Side side = net > 0 ? Side.SELL : Side.BUY;
            p.applyFill(INFY, Product.MIS, side, Math.abs(net), prices.get(30), 0);
            cashFlow += net * prices.get(30);
        }
        assertThat(p.quantity(INFY)).isZero();
        assertThat(p.realizedPnl()).isEqualTo(cashFlow);
        assertThat(p.cash()).isEqualTo(cashFlow);
        assertThat(p.equity()).isEqualTo(cashFlow);
    }
}
