package com.quantdesk.backtest;

import static com.quantdesk.backtest.Bars.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.quantdesk.backtest.metrics.RoundTrip;
import com.quantdesk.core.domain.Bar;
import com.quantdesk.core.domain.OrderId;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.order.OrderStatus;
import com.quantdesk.core.portfolio.PositionSnapshot;
import com.quantdesk.core.strategy.builtin.SmaCrossStrategy;
import com.quantdesk.core.time.MarketTime;
import com.quantdesk.sim.cost.ChargeRates;
import com.quantdesk.sim.cost.ChargesLedger;
import com.quantdesk.sim.cost.NseCostModel;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The SMA crossover's reference semantics, on closes where every cross is known by hand. With fast 2
 * and slow 3, fast − slow = (c[t] + c[t−1] − 2·c[t−2]) / 6, which gives the signs noted per bar.
 */
class SmaCrossReferenceTest {

    private static final Symbol ABC = Symbol.of("ABC");
    private static final Map<String, String> FAST_2_SLOW_3_QTY_10 = Map.of("fast", "2", "slow", "3", "qty", "10");

    // index:                      0    1    2    3    4    5    6    7    8    9   10   11   12   13   14   15  16   17   18   19
    // sign of fast − slow:        .    .    +    +    0    +    −    −    −    0    +    +    +    0    −    −   −    +    +    +
    // signal:                                        (tie) (no)                  BUY            (tie) SELL          BUY
    private static final long[] CLOSES = {100, 101, 102, 102, 102, 103, 100, 99, 99, 99, 100, 101, 101, 101, 100, 98,
            99, 102, 104, 103};

    // Fills at the next bar's open, which is close − ₹0.50 + index paise.
    private static final long FIRST_ENTRY = 100_61;  // bar 11
    private static final long FIRST_EXIT = 97_65;    // bar 15
    private static final long SECOND_ENTRY = 103_68; // bar 18

    private final BacktestRunner runner = new BacktestRunner();

    @Test
    void tradesExactlyTheHandCountedCrossesAndMarksTheOpenPositionAtTheLastClose() {
        List<Bar> bars = Bars.fromRupeeCloses(ABC, CLOSES);

        BacktestResult result = runner.run(Backtests.config(SmaCrossStrategy.DESCRIPTOR, FAST_2_SLOW_3_QTY_10,
                bars, 1));

        // The tie at bar 4 sits between two positive bars: no cross at bar 5. The tie at bar 9 carries
        // the negative sign, so bar 10 (not bar 9) is the cross up; the tie at bar 13 carries the
        // positive sign, so bar 14 is the cross down.
        assertThat(result.trades()).containsExactly(
                new RoundTrip(ABC, Side.BUY, 10, day(11), FIRST_ENTRY, day(15), FIRST_EXIT, -29_60, 0, -29_60));
        assertThat(result.fills()).extracting(FillRecord::time, FillRecord::side, FillRecord::price,
                FillRecord::quantity, FillRecord::charges).containsExactly(
                tuple(day(11), Side.BUY, FIRST_ENTRY, 10L, 0L),
                tuple(day(15), Side.SELL, FIRST_EXIT, 10L, 0L),
                tuple(day(18), Side.BUY, SECOND_ENTRY, 10L, 0L));
        assertThat(result.orders()).extracting(OrderRecord::createdAt).containsExactly(day(10), day(14), day(17));
        assertThat(result.openPositions()).containsExactly(new PositionSnapshot(ABC, Product.CNC, 10,
                10 * SECOND_ENTRY, SECOND_ENTRY, -29_60, 103_00, -6_80));
        // ₹1,00,000 − ₹29.60 realised − ₹6.80 unrealised at the last close of ₹103.
        assertThat(result.finalEquity()).isEqualTo(99_963_60);
        assertThat(result.curve().getLast().equityPaise()).isEqualTo(99_963_60);
    }

    @Test
    void leavesACrossUpOnTheLastBarUnfilledAndCancelled() {
        List<Bar> bars = Bars.fromRupeeCloses(ABC, Arrays.copyOf(CLOSES, 18)); // ends with the cross up at 17

        BacktestResult result = runner.run(Backtests.config(SmaCrossStrategy.DESCRIPTOR, FAST_2_SLOW_3_QTY_10,
                bars, 1));

        assertThat(result.trades()).extracting(RoundTrip::entryPricePaise, RoundTrip::exitPricePaise)
                .containsExactly(tuple(FIRST_ENTRY, FIRST_EXIT));
        OrderRecord last = result.orders().getLast();
        assertThat(last.side()).isEqualTo(Side.BUY);
        assertThat(last.createdAt()).isEqualTo(day(17));
        assertThat(last.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(last.filledQuantity()).isZero();
        assertThat(result.fills()).hasSize(2);
        assertThat(result.openPositions()).isEmpty();
        assertThat(result.finalEquity()).isEqualTo(99_970_40);
    }

    @Test
    void leavesACrossDownOnTheLastBarUnfilledAndKeepsThePositionMarkedAtTheLastClose() {
        long[] closes = Arrays.copyOf(CLOSES, 21);
        closes[20] = 99; // 99 + 103 − 2·104 < 0: cross down on the last bar
        List<Bar> bars = Bars.fromRupeeCloses(ABC, closes);

        BacktestResult result = runner.run(Backtests.config(SmaCrossStrategy.DESCRIPTOR, FAST_2_SLOW_3_QTY_10,
                bars, 1));

        OrderRecord last = result.orders().getLast();
        assertThat(last.side()).isEqualTo(Side.SELL);
        assertThat(last.createdAt()).isEqualTo(day(20));
        assertThat(last.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(last.filledQuantity()).isZero();
        assertThat(result.trades()).hasSize(1);
        assertThat(result.openPositions()).extracting(PositionSnapshot::quantity, PositionSnapshot::lastPrice,
                PositionSnapshot::unrealizedPnl).containsExactly(tuple(10L, 99_00L,
                -46_80L));
        // ₹1,00,000 − ₹29.60 realised − ₹46.80 unrealised at ₹99.
        assertThat(result.finalEquity()).isEqualTo(99_923_60);
    }

    @Test
    void chargesEveryFillWhatTheNseCostModelChargesForIt() {
        List<Bar> bars = Bars.fromRupeeCloses(ABC, CLOSES);
        ChargeRates rates = ChargeRates.zerodhaNse();

        BacktestResult result = runner.run(Backtests.config(SmaCrossStrategy.DESCRIPTOR, FAST_2_SLOW_3_QTY_10,
                Map.of(ABC, bars), 1, Optional.of(rates), Backtests.CAPITAL));

        NseCostModel model = new NseCostModel(rates);
        long entryCharges = model.forOrder(Side.BUY, Product.CNC, 10 * FIRST_ENTRY, false).totalPaise();
        long exitCharges = model.forOrder(Side.SELL, Product.CNC, 10 * FIRST_EXIT, true).totalPaise();
        long secondEntryCharges = model.forOrder(Side.BUY, Product.CNC, 10 * SECOND_ENTRY, false).totalPaise();
        // Worked by hand: STT ₹1 + exchange, SEBI, stamp duty and GST; the sell also pays the DP charge
        // of ₹13.50 + 18% GST.
        assertThat(List.of(entryCharges, exitCharges, secondEntryCharges)).containsExactly(1_19L, 16_97L, 1_19L);
        assertThat(result.fills()).extracting(FillRecord::charges).containsExactly(1_19L, 16_97L, 1_19L);
        assertThat(result.trades()).containsExactly(new RoundTrip(ABC, Side.BUY, 10, day(11), FIRST_ENTRY, day(15),
                FIRST_EXIT, -29_60, 18_16, -47_76));
        assertThat(result.metrics().totalChargesPaise()).isEqualTo(19_35);
        assertThat(result.finalEquity()).isEqualTo(99_963_60 - 19_35);
    }

    @Test
    void chargesMatchALedgerBookingTheSameFills() {
        List<Bar> bars = Bars.fromRupeeCloses(ABC, CLOSES);
        ChargeRates rates = ChargeRates.zerodhaNse();

        BacktestResult result = runner.run(Backtests.config(SmaCrossStrategy.DESCRIPTOR, FAST_2_SLOW_3_QTY_10,
                Map.of(ABC, bars), 1, Optional.of(rates), Backtests.CAPITAL));

        ChargesLedger ledger = new ChargesLedger(new NseCostModel(rates));
        for (FillRecord fill : result.fills()) {
            long expected = ledger.chargeForFill(OrderId.of(fill.orderId()), fill.symbol(), fill.side(),
                    fill.product(), fill.quantity() * fill.price(), MarketTime.tradeDate(fill.time()));
            assertThat(fill.charges()).as("charges of fill %s", fill.fillId()).isEqualTo(expected);
        }
        assertThat(result.fills()).hasSize(3);
    }

    @Test
    void givesTheOrderCancelledAtTheEndTheReasonBacktestEnded() {
        List<Bar> bars = Bars.fromRupeeCloses(ABC, Arrays.copyOf(CLOSES, 18));

        BacktestResult result = runner.run(Backtests.config(SmaCrossStrategy.DESCRIPTOR, FAST_2_SLOW_3_QTY_10,
                bars, 1));

        assertThat(result.orders().getLast().reason()).isEqualTo("backtest ended");
    }

}
