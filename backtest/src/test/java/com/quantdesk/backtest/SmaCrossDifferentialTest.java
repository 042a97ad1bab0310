package com.quantdesk.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantdesk.backtest.metrics.RoundTrip;
import com.quantdesk.core.domain.Bar;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.portfolio.PositionSnapshot;
import com.quantdesk.core.strategy.builtin.SmaCrossStrategy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The runner against a deliberately naive implementation of the SMA crossover's reference
 * semantics: plain loops over arrays, both averages recomputed from scratch every bar as exact
 * {@code long} sums, and the fill simulated as "next bar's open".
 */
class SmaCrossDifferentialTest {

    private static final Symbol XYZ = Symbol.of("XYZ");
    private static final int BARS = 1_500;

    /** One round trip of the naive implementation; an exit index of −1 means still open. */
    record Trade(int entryIndex, long entryPrice, int exitIndex, long exitPrice) {
    }

    /** What the naive implementation ends with. */
    record Outcome(List<Trade> trades, long finalEquity, long ties) {
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 40);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void runnerTradesExactlyLikeTheNaiveReferenceOnSeededRandomWalks(long seed) {
        Random random = new Random(seed);
        int fast = 1 + random.nextInt(10);
        int slow = fast + 1 + random.nextInt(30);
        long quantity = 1 + random.nextInt(100);
        // Coarse steps on even seeds make exact ties between the averages common.
        long step = seed % 2 == 0 ? 100 : 5;
        long[] open = new long[BARS];
        long[] close = new long[BARS];
        randomWalk(random, step, open, close);
        List<Bar> bars = new ArrayList<>(BARS);
        Map<Instant, Integer> indexOf = new HashMap<>();
        for (int i = 0; i < BARS; i++) {
            bars.add(Bars.bar(XYZ, i, open[i], close[i]));
            indexOf.put(Bars.day(i), i);
        }
        Outcome expected = reference(open, close, fast, slow, quantity, Backtests.CAPITAL);

        BacktestResult result = new BacktestRunner().run(Backtests.config(SmaCrossStrategy.DESCRIPTOR,
                Map.of("fast", Integer.toString(fast), "slow", Integer.toString(slow), "qty",
                        Long.toString(quantity)), Map.of(XYZ, bars), 5, Optional.empty(), Backtests.CAPITAL));

        List<Trade> actual = new ArrayList<>();
        for (RoundTrip t : result.trades()) {
            assertThat(t.quantity()).isEqualTo(quantity);
            assertThat(t.grossPnlPaise()).isEqualTo((t.exitPricePaise() - t.entryPricePaise()) * quantity);
            actual.add(new Trade(indexOf.get(t.entryTime()), t.entryPricePaise(), indexOf.get(t.exitTime()),
                    t.exitPricePaise()));
        }
        for (PositionSnapshot p : result.openPositions()) {
            FillRecord entry = result.fills().getLast();
            assertThat(p.quantity()).isEqualTo(quantity);
            assertThat(entry.side()).isEqualTo(Side.BUY);
            actual.add(new Trade(indexOf.get(entry.time()), entry.price(), -1, 0));
        }
        assertThat(expected.trades()).as("the series must trade to be a useful comparison").isNotEmpty();
        assertThat(actual).as("fast=%d slow=%d qty=%d", fast, slow, quantity)
                .containsExactlyElementsOf(expected.trades());
        assertThat(result.finalEquity()).isEqualTo(expected.finalEquity());
    }

    @Test
    void seededWalksContainExactTiesThatDecideTrades() {
        long ties = 0;
        long seedsWhereCarryingTheSignMatters = 0;
        for (long seed : seeds().toArray()) {
            Random random = new Random(seed);
            int fast = 1 + random.nextInt(10);
            int slow = fast + 1 + random.nextInt(30);
            long quantity = 1 + random.nextInt(100);
            long[] open = new long[BARS];
            long[] close = new long[BARS];
            randomWalk(random, seed % 2 == 0 ? 100 : 5, open, close);

            Outcome carried = reference(open, close, fast, slow, quantity, Backtests.CAPITAL, true);
            Outcome reset = reference(open, close, fast, slow, quantity, Backtests.CAPITAL, false);

            ties += carried.ties();
            if (!carried.trades().equals(reset.trades())) {
                seedsWhereCarryingTheSignMatters++;
            }
        }
        // Otherwise the comparison above could not tell a tie handled wrongly from one handled right.
        assertThat(ties).isGreaterThan(100);
        assertThat(seedsWhereCarryingTheSignMatters).isPositive();
    }

    /** A random walk in whole steps, a third of the moves flat; the open gaps a step or two from the close before. */
    private static void randomWalk(Random random, long step, long[] open, long[] close) {
        long price = 500_00;
        for (int i = 0; i < open.length; i++) {
            open[i] = Math.max(50_00, price + step * (random.nextInt(5) - 2));
            price = Math.max(50_00, open[i] + step * (random.nextInt(7) - 3));
            close[i] = price;
        }
    }

    static Outcome reference(long[] open, long[] close, int fast, int slow, long quantity, long capital) {
        return reference(open, close, fast, slow, quantity, capital, true);
    }

    /**
     * The reference semantics, written as plainly as possible; with {@code carryTies} false, a tie
     * wrongly resets the remembered sign (only to show that the seeded series can tell the difference).
     */
    static Outcome reference(long[] open, long[] close, int fast, int slow, long quantity, long capital,
                             boolean carryTies) {
        List<Trade> trades = new ArrayList<>();
        long cash = capital;
        long position = 0;
        int pending = 0; // +1 buy, −1 sell, placed on the previous bar's close
        int lastNonZeroSign = 0;
        long ties = 0;
        int entryIndex = -1;
        long entryPrice = 0;
        for (int t = 0; t < close.length; t++) {
            if (pending > 0) {
                position = quantity;
                cash -= quantity * open[t];
                entryIndex = t;
                entryPrice = open[t];
            } else if (pending < 0) {
                cash += position * open[t];
                position = 0;
                trades.add(new Trade(entryIndex, entryPrice, t, open[t]));
            }
            pending = 0;
            if (t < slow - 1) {
                continue;
            }
            long fastSum = 0;
            for (int k = t - fast + 1; k <= t; k++) {
                fastSum += close[k];
            }
            long slowSum = 0;
            for (int k = t - slow + 1; k <= t; k++) {
                slowSum += close[k];
            }
            // fast − slow = fastSum / fast − slowSum / slow; compare without dividing.
            long difference = fastSum * slow - slowSum * fast;
            int sign = Long.signum(difference);
            if (sign > 0 && lastNonZeroSign < 0 && position == 0) {
                pending = 1;
            } else if (sign < 0 && lastNonZeroSign > 0 && position > 0) {
                pending = -1;
            }
            if (sign == 0) {
                ties++;
            }
            if (sign != 0 || !carryTies) {
                lastNonZeroSign = sign;
            }
        }
        if (position > 0) {
            trades.add(new Trade(entryIndex, entryPrice, -1, 0));
        }
        return new Outcome(trades, cash + position * close[close.length - 1], ties);
    }
}
