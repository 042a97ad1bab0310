package com.quantdesk.backtest.metrics;

import static com.quantdesk.backtest.metrics.Curves.close;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import org.junit.jupiter.api.Test;

class RoundTripTest {

    private static final Symbol SBIN = Symbol.of("SBIN");

    @Test
    void computesGrossPnlOfALongFromItsPrices() {
        RoundTrip trade = RoundTrip.of(SBIN, Side.BUY, 10, close(0), 600_00, close(1), 612_50, 45_00);

        assertThat(trade.grossPnlPaise()).isEqualTo(125_00);
        assertThat(trade.netPnlPaise()).isEqualTo(80_00);
    }

    @Test
    void computesGrossPnlOfAShortFromItsPrices() {
        RoundTrip trade = RoundTrip.of(SBIN, Side.SELL, 10, close(0), 600_00, close(1), 612_50, 45_00);

        assertThat(trade.grossPnlPaise()).isEqualTo(-125_00);
        assertThat(trade.netPnlPaise()).isEqualTo(-170_00);
    }

    @Test
    void rejectsANonPositiveQuantity() {
        assertThatThrownBy(() -> RoundTrip.of(SBIN, Side.BUY, 0, close(0), 600_00, close(1), 600_00, 0))
                .hasMessageContaining("quantity");
    }

    @Test
    void rejectsAnExitBeforeTheEntry() {
        assertThatThrownBy(() -> RoundTrip.of(SBIN, Side.BUY, 1, close(1), 600_00, close(0), 600_00, 0))
                .hasMessageContaining("before entry");
    }

    @Test
    void rejectsNetPnlThatIsNotGrossMinusCharges() {
        assertThatThrownBy(() -> new RoundTrip(SBIN, Side.BUY, 1, close(0), 600_00, close(1), 601_00,
                100, 20, 100))
                .hasMessageContaining("net P&L");
    }

    @Test
    void acceptsNegativeChargesFromASameDayCncRefund() {
        RoundTrip trade = RoundTrip.of(SBIN, Side.BUY, 1, close(0), 600_00, close(1), 600_00, -1);

        assertThat(trade.chargesPaise()).isEqualTo(-1);
        assertThat(trade.netPnlPaise()).isEqualTo(1);
    }

    @Test
    void allowsEntryAndExitAtTheSameInstant() {
        RoundTrip trade = RoundTrip.of(SBIN, Side.BUY, 1, close(0), 600_00, close(0), 600_00, 0);

        assertThat(trade.netPnlPaise()).isZero();
    }
}
