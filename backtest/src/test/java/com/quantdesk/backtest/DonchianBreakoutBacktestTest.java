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
import com.quantdesk.core.strategy.builtin.DonchianBreakoutStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Donchian breakout through the real engine and simulated venue, with entry channel 3, exit
 * channel 2, ATR 2 and a tick of ₹0.05. Channels are those of the bars before the deciding bar.
 */
class DonchianBreakoutBacktestTest {

    private static final Symbol ABC = Symbol.of("ABC");
    private static final long TICK = 5;

    // Bars 0–2 make the entry channel's high ₹102 and seed the ATR at (3 + 2) / 2 = ₹2.50.
    // Bar 3 closes at ₹103, above ₹102: a market buy. Its true range of ₹3 takes the ATR to ₹2.75.
    // Bar 4 opens at ₹103.10, where the buy fills; it closes inside both channels.
    private static final List<Bar> BREAKOUT = List.of(
            bar(ABC, 0, 100_00, 101_00, 99_00, 100_00),
            bar(ABC, 1, 100_00, 102_00, 99_00, 101_00),
            bar(ABC, 2, 101_00, 102_00, 100_00, 101_00),
            bar(ABC, 3, 101_00, 104_00, 101_00, 103_00),
            bar(ABC, 4, 103_10, 105_00, 103_00, 104_00));

    private final BacktestRunner runner = new BacktestRunner();

    @Test
    void buysAtMarketOnABreakoutAndRestsAStopAtTheFillLessTheAtrMultipleRoundedDownToTheTick() {
        BacktestResult result = run("1.5", BREAKOUT);

        // 1.5 × ₹2.75 = ₹4.125 → 413 paise; 103.10 − 4.13 = 98.97, down to the tick: 98.95.
        assertThat(result.orders()).extracting(OrderRecord::side, OrderRecord::type, OrderRecord::quantity,
                OrderRecord::triggerPrice, OrderRecord::createdAt).containsExactly(
                tuple(Side.BUY, OrderType.MARKET, 10L, 0L, day(3)),
                tuple(Side.SELL, OrderType.SL_M, 10L, 98_95L, day(4)));
        assertThat(result.fills()).extracting(FillRecord::time, FillRecord::side, FillRecord::price)
                .containsExactly(tuple(day(4), Side.BUY, 103_10L));
    }

    @Test
    void keepsTheStopNoFurtherThanNinePercentBelowTheFill() {
        BacktestResult result = run("20", BREAKOUT);

        // 20 × ₹2.75 = ₹55 would put the stop at ₹48.10; 9% of 103.10 is 9.279 → 9.28, so the
        // floor is 93.82, up to the tick: 93.85.
        assertThat(result.orders()).extracting(OrderRecord::type, OrderRecord::triggerPrice)
                .containsExactly(tuple(OrderType.MARKET, 0L), tuple(OrderType.SL_M, 93_85L));
    }

    @Test
    void sellsAtTheStopWhenTheRangeReachesIt() {
        List<Bar> bars = new ArrayList<>(BREAKOUT);
        bars.add(bar(ABC, 5, 102_00, 102_50, 98_00, 99_00)); // opens above ₹98.95, trades down through it

        BacktestResult result = run("1.5", bars);

        assertThat(result.orders()).extracting(OrderRecord::type, OrderRecord::status, OrderRecord::averagePrice)
                .containsExactly(tuple(OrderType.MARKET, OrderStatus.FILLED, 103_10L),
                        tuple(OrderType.SL_M, OrderStatus.FILLED, 98_95L));
        assertThat(result.trades()).containsExactly(
                new RoundTrip(ABC, Side.BUY, 10, day(4), 103_10, day(5), 98_95, -41_50, 0, -41_50));
        assertThat(result.openPositions()).isEmpty();
        assertThat(result.finalEquity()).isEqualTo(Backtests.CAPITAL - 41_50);
    }

    @Test
    void fillsAStopAtTheOpenWhenTheBarGapsThroughIt() {
        List<Bar> bars = new ArrayList<>(BREAKOUT);
        bars.add(bar(ABC, 5, 97_00, 98_00, 96_00, 97_50));

        BacktestResult result = run("1.5", bars);

        assertThat(result.trades()).extracting(RoundTrip::exitPricePaise).containsExactly(97_00L);
    }

    @Test
    void placesNoOrderBeforeTheChannelsAndAtrAreReady() {
        // Bar 2 closes far above every earlier high, but the ATR is not ready until bar 2 has been seen.
        List<Bar> bars = List.of(
                bar(ABC, 0, 100_00, 101_00, 99_00, 100_00),
                bar(ABC, 1, 100_00, 102_00, 99_00, 101_00),
                bar(ABC, 2, 101_00, 110_00, 101_00, 109_00));

        BacktestResult result = run("1.5", bars);

        assertThat(result.orders()).isEmpty();
    }

    private BacktestResult run(String atrMultiple, List<Bar> bars) {
        return runner.run(Backtests.config(DonchianBreakoutStrategy.DESCRIPTOR, Map.of("entry", "3", "exit", "2",
                "atr", "2", "atrMultiple", atrMultiple, "qty", "10"), bars, TICK));
    }

    @Test
    void closesThePositionAtMarketAndCancelsTheStopWhenABarClosesBelowTheExitChannel() {
        List<Bar> bars = new ArrayList<>(BREAKOUT);
        // Low ₹99.50 stays above the ₹98.95 stop; the close of ₹99.80 is below ₹101, the lowest low of bars 3–4.
        bars.add(bar(ABC, 5, 103_50, 104_00, 99_50, 99_80));
        bars.add(bar(ABC, 6, 99_00, 100_00, 98_00, 99_50));

        BacktestResult result = run("1.5", bars);

        assertThat(result.orders()).extracting(OrderRecord::side, OrderRecord::type, OrderRecord::status,
                OrderRecord::reason).containsExactly(
                tuple(Side.BUY, OrderType.MARKET, OrderStatus.FILLED, ""),
                tuple(Side.SELL, OrderType.SL_M, OrderStatus.CANCELLED, "cancelled by strategy"),
                tuple(Side.SELL, OrderType.MARKET, OrderStatus.FILLED, ""));
        assertThat(result.trades()).containsExactly(
                new RoundTrip(ABC, Side.BUY, 10, day(4), 103_10, day(6), 99_00, -41_00, 0, -41_00));
        assertThat(result.denialsByReason()).isEmpty();
        assertThat(result.openPositions()).isEmpty();
    }

    @Test
    void keepsTheProtectiveStopWorkingAfterTheDayItWasPlaced() {
        List<Bar> bars = new ArrayList<>(BREAKOUT);
        bars.add(bar(ABC, 5, 104_00, 105_00, 103_00, 104_00)); // inside both channels
        bars.add(bar(ABC, 6, 104_50, 106_00, 103_50, 105_00)); // inside both channels
        bars.add(bar(ABC, 7, 101_00, 101_50, 98_00, 101_20)); // trades through ₹98.95, closes above the exit channel's ₹103

        BacktestResult result = run("1.5", bars);

        // The first stop expires with its session and is placed again at the same trigger.
        assertThat(result.orders()).extracting(OrderRecord::type, OrderRecord::triggerPrice, OrderRecord::status)
                .containsExactly(tuple(OrderType.MARKET, 0L, OrderStatus.FILLED),
                        tuple(OrderType.SL_M, 98_95L, OrderStatus.CANCELLED),
                        tuple(OrderType.SL_M, 98_95L, OrderStatus.FILLED));
        assertThat(result.trades()).extracting(RoundTrip::exitTime, RoundTrip::exitPricePaise)
                .containsExactly(tuple(day(7), 98_95L));
    }

}
