package com.quantdesk.backtest;

import static com.quantdesk.backtest.Bars.bar;
import static com.quantdesk.backtest.Bars.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.quantdesk.backtest.metrics.RoundTrip;
import com.quantdesk.core.domain.Bar;
import com.quantdesk.core.domain.OrderType;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.order.OrderStatus;
import com.quantdesk.core.portfolio.PositionSnapshot;
import com.quantdesk.core.strategy.builtin.RsiMeanReversionStrategy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RSI mean reversion with period 2, oversold 30, overbought 70 and 10 shares, through the real engine. */
class RsiMeanReversionBacktestTest {

    private static final Symbol ABC = Symbol.of("ABC");
    private static final Map<String, String> PARAMETERS = Map.of("period", "2", "oversold", "30", "overbought", "70",
            "qty", "10");

    private final BacktestRunner runner = new BacktestRunner();

    @Test
    void buysWhenOversoldWhileFlatAndSellsEverythingWhenOverbought() {
        // Wilder RSI(2) per bar:   .    .    0    0  66.7 85.7 54.5 17.1 11.8 60.9 74.9
        // signal:                            BUY  (long)      SELL      BUY (long)       SELL on the last bar
        List<Bar> bars = Bars.fromRupeeCloses(ABC, 100, 99, 98, 97, 99, 101, 100, 97, 96, 98, 99);

        BacktestResult result = runner.run(Backtests.config(RsiMeanReversionStrategy.DESCRIPTOR, PARAMETERS, bars, 1));

        assertThat(result.orders()).extracting(OrderRecord::side, OrderRecord::type, OrderRecord::quantity,
                OrderRecord::status, OrderRecord::createdAt).containsExactly(
                tuple(Side.BUY, OrderType.MARKET, 10L, OrderStatus.FILLED, day(2)),
                tuple(Side.SELL, OrderType.MARKET, 10L, OrderStatus.FILLED, day(5)),
                tuple(Side.BUY, OrderType.MARKET, 10L, OrderStatus.FILLED, day(7)),
                tuple(Side.SELL, OrderType.MARKET, 10L, OrderStatus.CANCELLED, day(10)));
        // Fills at the next open, close − ₹0.50 + index paise: 96.53 (bar 3), 99.56 (bar 6), 95.58 (bar 8).
        assertThat(result.trades()).containsExactly(
                new RoundTrip(ABC, Side.BUY, 10, day(3), 96_53, day(6), 99_56, 30_30, 0, 30_30));
        assertThat(result.openPositions()).extracting(PositionSnapshot::quantity, PositionSnapshot::averagePrice,
                PositionSnapshot::lastPrice, PositionSnapshot::unrealizedPnl)
                .containsExactly(tuple(10L, 95_58L, 99_00L, 34_20L));
        assertThat(result.finalEquity()).isEqualTo(Backtests.CAPITAL + 30_30 + 34_20);
    }

    @Test
    void doesNotBuyWhenTheRsiEqualsTheOversoldThreshold() {
        // Moves +3 and −7: RSI = 100 × 1.5 / (1.5 + 3.5) = 30 exactly, which is not below 30.
        List<Bar> bars = List.of(bar(ABC, 0, 100_00, 100_00), bar(ABC, 1, 103_00, 103_00),
                bar(ABC, 2, 96_00, 96_00), bar(ABC, 3, 96_00, 96_00));

        BacktestResult result = runner.run(Backtests.config(RsiMeanReversionStrategy.DESCRIPTOR, PARAMETERS, bars, 1));

        assertThat(result.orders()).isEmpty();
    }

    @Test
    void buysWhenTheRsiIsJustBelowTheOversoldThreshold() {
        // Moves +3 and −7.10: RSI = 100 × 1.5 / (1.5 + 3.55) ≈ 29.7.
        List<Bar> bars = List.of(bar(ABC, 0, 100_00, 100_00), bar(ABC, 1, 103_00, 103_00),
                bar(ABC, 2, 96_00, 95_90), bar(ABC, 3, 96_10, 96_00));

        BacktestResult result = runner.run(Backtests.config(RsiMeanReversionStrategy.DESCRIPTOR, PARAMETERS, bars, 1));

        assertThat(result.fills()).extracting(FillRecord::time, FillRecord::side, FillRecord::price)
                .containsExactly(tuple(day(3), Side.BUY, 96_10L));
    }

    @Test
    void staysOutOfAFlatMarket() {
        List<Bar> bars = Bars.fromRupeeCloses(ABC, 100, 100, 100, 100, 100, 100);

        BacktestResult result = runner.run(Backtests.config(RsiMeanReversionStrategy.DESCRIPTOR, PARAMETERS, bars, 1));

        assertThat(result.orders()).isEmpty();
        assertThat(result.finalEquity()).isEqualTo(Backtests.CAPITAL);
    }
}
