package com.quantdesk.core.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;

class RsiTest {

    @Test
    void seedsWithTheMeanGainAndLossOfTheFirstPeriodMovesAtIndexPeriod() {
        Rsi rsi = new Rsi(3);

        assertThat(rsi.update(10)).isNaN();
        assertThat(rsi.update(12)).isNaN(); // +2
        assertThat(rsi.update(11)).isNaN(); // -1
        // +4: average gain (2 + 0 + 4) / 3 = 2, average loss 1/3, RS = 6.
        assertThat(rsi.update(15)).isCloseTo(100.0 - 100.0 / 7, within(1e-12));
        // -1: gain (2 * 2 + 0) / 3 = 4/3, loss (1/3 * 2 + 1) / 3 = 5/9, RS = 12/5.
        assertThat(rsi.update(14)).isCloseTo(100.0 - 100.0 / (1 + 12.0 / 5), within(1e-12));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 14, 100})
    void firstNonNanValueIsAtIndexPeriod(int period) {
        Rsi rsi = new Rsi(period);
        double[] closes = SyntheticBar.closes(SyntheticBar.randomWalk(5, period + 5));

        for (int i = 0; i < closes.length; i++) {
            double value = rsi.update(closes[i]);
            assertThat(Double.isNaN(value)).as("index %d", i).isEqualTo(i < period);
            assertThat(rsi.isReady()).isEqualTo(i >= period);
        }
    }

    @Test
    void isOneHundredWhenThereAreNoLosses() {
        Rsi rsi = new Rsi(3);

        for (double close : new double[] {100, 101, 101, 105, 110}) {
            rsi.update(close);
        }

        assertThat(rsi.value()).isEqualTo(100.0);
    }

    @Test
    void isZeroWhenThereAreNoGains() {
        Rsi rsi = new Rsi(3);

        for (double close : new double[] {110, 105, 105, 101, 100}) {
            rsi.update(close);
        }

        assertThat(rsi.value()).isEqualTo(0.0);
    }

    @Test
    void isFiftyWhenThePriceHasNotMoved() {
        Rsi rsi = new Rsi(3);

        for (int i = 0; i < 6; i++) {
            rsi.update(100);
        }

        assertThat(rsi.value()).isEqualTo(50.0);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 7, 14, 30})
    void matchesANaiveTaLibSeededReferenceOnALongRandomWalk(int period) {
        double[] closes = SyntheticBar.closes(SyntheticBar.randomWalk(21, 5_000));
        double[] expected = naive(closes, period);
        Rsi rsi = new Rsi(period);

        for (int i = 0; i < closes.length; i++) {
            double value = rsi.update(closes[i]);
            if (i < period) {
                assertThat(value).isNaN();
            } else {
                assertThat(value).as("index %d", i).isCloseTo(expected[i], Tolerance.relative(expected[i]));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 14, 30})
    void convergesToTa4jOnceItsDifferentSeedHasDecayed(int period) {
        // ta4j 0.21 seeds its Wilder averages differently (from the first bar after its unstable
        // period, not the mean of the first `period` moves); the gap shrinks by (1 - 1/period)
        // per bar, below 1e-13 after 30 * period further bars.
        List<SyntheticBar> bars = SyntheticBar.randomWalk(22, 5_000);
        RSIIndicator reference = new RSIIndicator(new ClosePriceIndicator(Ta4jSeries.of(bars)), period);
        Rsi rsi = new Rsi(period);
        int decayed = period + 30 * period;

        for (int i = 0; i < bars.size(); i++) {
            double value = rsi.update(bars.get(i).close());
            if (i >= decayed) {
                double expected = Ta4jSeries.at(reference, i);
                assertThat(value).as("index %d", i).isCloseTo(expected, Tolerance.relative(expected));
            }
        }
    }

    @Test
    void resetForgetsThePreviousClose() {
        Rsi rsi = new Rsi(1);
        rsi.update(100);
        rsi.update(90);

        rsi.reset();

        assertThat(rsi.value()).isNaN();
        assertThat(rsi.count()).isZero();
        assertThat(rsi.update(200)).isNaN(); // no move yet, even though 200 > 90
        assertThat(rsi.update(210)).isEqualTo(100.0);
    }

    @Test
    void rejectsANonPositivePeriod() {
        assertThatThrownBy(() -> new Rsi(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("period");
    }

    @Test
    void rejectsANonFiniteClose() {
        assertThatThrownBy(() -> new Rsi(3).update(Double.NEGATIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("close");
    }

    /** TA-Lib's RSI over whole arrays, written from its definition. */
    private static double[] naive(double[] closes, int period) {
        double[] out = new double[closes.length];
        double avgGain = 0;
        double avgLoss = 0;
        for (int i = 1; i <= period; i++) {
            double move = closes[i] - closes[i - 1];
            avgGain += Math.max(move, 0);
            avgLoss += Math.max(-move, 0);
        }
        avgGain /= period;
        avgLoss /= period;
        out[period] = rsi(avgGain, avgLoss);
        for (int i = period + 1; i < closes.length; i++) {
            double move = closes[i] - closes[i - 1];
            avgGain = (avgGain * (period - 1) + Math.max(move, 0)) / period;
            avgLoss = (avgLoss * (period - 1) + Math.max(-move, 0)) / period;
            out[i] = rsi(avgGain, avgLoss);
        }
        return out;
    }

    private static double rsi(double avgGain, double avgLoss) {
        if (avgLoss == 0) {
            return avgGain == 0 ? 50 : 100;
        }
        return 100 - 100 / (1 + avgGain / avgLoss);
    }
}
