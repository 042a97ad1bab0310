package com.quantdesk.core.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ta4j.core.indicators.ATRIndicator;

class AtrTest {

    @Test
    void seedsWithTheMeanOfTheFirstPeriodTrueRangesAtIndexPeriod() {
        Atr atr = new Atr(3);

        assertThat(atr.update(12, 9, 10)).isNaN(); // no previous close: no true range
        assertThat(atr.update(13, 10, 12)).isNaN(); // TR = max(3, 3, 0) = 3
        assertThat(atr.update(12, 10, 11)).isNaN(); // TR = max(2, 0, 2) = 2
        assertThat(atr.update(16, 11, 15)).isEqualTo(10.0 / 3); // TR = max(5, 5, 0) = 5
        // TR = max(3, 0, 3) = 3; Wilder: (10/3 * 2 + 3) / 3 = 29/9.
        assertThat(atr.update(15, 12, 14)).isCloseTo(29.0 / 9, within(1e-12));
    }

    @Test
    void trueRangeSpansAGapFromThePreviousClose() {
        Atr atr = new Atr(1);
        atr.update(11, 9, 10);

        assertThat(atr.update(20, 18, 19)).isEqualTo(10.0); // gap up: high - previous close
        assertThat(atr.update(12, 11, 11)).isEqualTo(8.0); // gap down: previous close - low
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 14, 100})
    void firstNonNanValueIsAtIndexPeriod(int period) {
        Atr atr = new Atr(period);
        List<SyntheticBar> bars = SyntheticBar.randomWalk(8, period + 5);

        for (int i = 0; i < bars.size(); i++) {
            SyntheticBar bar = bars.get(i);
            double value = atr.update(bar.high(), bar.low(), bar.close());
            assertThat(Double.isNaN(value)).as("index %d", i).isEqualTo(i < period);
            assertThat(atr.isReady()).isEqualTo(i >= period);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 14, 40})
    void matchesANaiveTaLibSeededReferenceOnALongRandomWalk(int period) {
        List<SyntheticBar> bars = SyntheticBar.randomWalk(31, 5_000);
        double[] expected = naive(bars, period);
        Atr atr = new Atr(period);

        for (int i = 0; i < bars.size(); i++) {
            SyntheticBar bar = bars.get(i);
            double value = atr.update(bar.high(), bar.low(), bar.close());
            if (i < period) {
                assertThat(value).isNaN();
            } else {
                assertThat(value).as("index %d", i).isCloseTo(expected[i], Tolerance.relative(expected[i]));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 14, 40})
    void convergesToTa4jOnceItsDifferentSeedHasDecayed(int period) {
        // ta4j 0.21 counts the first bar's high - low as a true range and seeds its Wilder
        // average from the first stable bar rather than the mean of the first `period` true
        // ranges; the gap shrinks by (1 - 1/period) per bar, below 1e-13 after 30 * period bars.
        List<SyntheticBar> bars = SyntheticBar.randomWalk(32, 5_000);
        ATRIndicator reference = new ATRIndicator(Ta4jSeries.of(bars), period);
        Atr atr = new Atr(period);
        int decayed = period + 30 * period;

        for (int i = 0; i < bars.size(); i++) {
            SyntheticBar bar = bars.get(i);
            double value = atr.update(bar.high(), bar.low(), bar.close());
            if (i >= decayed) {
                double expected = Ta4jSeries.at(reference, i);
                assertThat(value).as("index %d", i).isCloseTo(expected, Tolerance.relative(expected));
            }
        }
    }

    @Test
    void resetForgetsThePreviousClose() {
        Atr atr = new Atr(1);
        atr.update(11, 9, 10);

        atr.reset();

        assertThat(atr.value()).isNaN();
        assertThat(atr.count()).isZero();
        assertThat(atr.update(101, 99, 100)).isNaN();
        assertThat(atr.update(102, 100, 101)).isEqualTo(2.0);
    }

    @Test
    void rejectsANonPositivePeriod() {
        assertThatThrownBy(() -> new Atr(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("period");
    }

    @Test
    void rejectsANonFiniteInput() {
        assertThatThrownBy(() -> new Atr(3).update(10, Double.NaN, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("low");
    }

    /** TA-Lib's ATR over whole arrays, written from its definition. */
    private static double[] naive(List<SyntheticBar> bars, int period) {
        double[] trueRange = new double[bars.size()];
        for (int i = 1; i < bars.size(); i++) {
            SyntheticBar bar = bars.get(i);
            double previousClose = bars.get(i - 1).close();
            trueRange[i] = Math.max(bar.high() - bar.low(),
                    Math.max(Math.abs(bar.high() - previousClose), Math.abs(bar.low() - previousClose)));
        }
        double[] out = new double[bars.size()];
        double atr = 0;
        for (int i = 1; i <= period; i++) {
            atr += trueRange[i];
        }
        atr /= period;
        out[period] = atr;
        for (int i = period + 1; i < bars.size(); i++) {
            atr = (atr * (period - 1) + trueRange[i]) / period;
            out[i] = atr;
        }
        return out;
    }
}
