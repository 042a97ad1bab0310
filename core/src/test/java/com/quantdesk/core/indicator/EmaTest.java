package com.quantdesk.core.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ta4j.core.indicators.averages.EMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;

class EmaTest {

    @Test
    void seedsWithTheSimpleMeanAtIndexPeriodMinusOneThenSmooths() {
        Ema ema = new Ema(3); // alpha = 0.5

        assertThat(ema.update(10)).isNaN();
        assertThat(ema.update(12)).isNaN();
        assertThat(ema.update(11)).isEqualTo(11.0);
        assertThat(ema.update(15)).isEqualTo(13.0);
        assertThat(ema.update(14)).isEqualTo(13.5);
        assertThat(ema.count()).isEqualTo(5);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 12, 26, 200})
    void firstNonNanValueIsAtIndexPeriodMinusOne(int period) {
        Ema ema = new Ema(period);
        double[] closes = SyntheticBar.closes(SyntheticBar.randomWalk(3, period + 5));

        for (int i = 0; i < closes.length; i++) {
            double value = ema.update(closes[i]);
            assertThat(Double.isNaN(value)).as("index %d", i).isEqualTo(i < period - 1);
            assertThat(ema.isReady()).isEqualTo(i >= period - 1);
        }
    }

    @Test
    void periodOneFollowsTheInput() {
        Ema ema = new Ema(1);

        assertThat(ema.update(100)).isEqualTo(100.0);
        assertThat(ema.update(250)).isEqualTo(250.0);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 9, 26, 50})
    void matchesTheClosedFormTaLibSeededAverageOnALongRandomWalk(int period) {
        double[] closes = SyntheticBar.closes(SyntheticBar.randomWalk(11, 5_000));
        double[] expected = closedForm(closes, period);
        Ema ema = new Ema(period);

        for (int i = 0; i < closes.length; i++) {
            double value = ema.update(closes[i]);
            if (i < period - 1) {
                assertThat(value).isNaN();
            } else {
                assertThat(value).as("index %d", i).isCloseTo(expected[i], Tolerance.relative(expected[i]));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 12, 26, 50})
    void convergesToTa4jOnceItsDifferentSeedHasDecayed(int period) {
        // ta4j 0.21 reports NaN for the first `period` bars and then seeds with that bar's close,
        // not with the SMA; the two averages differ by (1 - alpha)^k times the seed gap, which is
        // below 1e-13 of the price after 20 * (period + 1) further bars.
        List<SyntheticBar> bars = SyntheticBar.randomWalk(12, 5_000);
        EMAIndicator reference = new EMAIndicator(new ClosePriceIndicator(Ta4jSeries.of(bars)), period);
        Ema ema = new Ema(period);
        int decayed = period + 20 * (period + 1);

        for (int i = 0; i < bars.size(); i++) {
            double value = ema.update(bars.get(i).close());
            if (i >= decayed) {
                double expected = Ta4jSeries.at(reference, i);
                assertThat(value).as("index %d", i).isCloseTo(expected, Tolerance.relative(expected));
            }
        }
    }

    @Test
    void resetStartsANewSeed() {
        Ema ema = new Ema(2);
        ema.update(100);
        ema.update(300);

        ema.reset();

        assertThat(ema.value()).isNaN();
        assertThat(ema.count()).isZero();
        assertThat(ema.update(10)).isNaN();
        assertThat(ema.update(20)).isEqualTo(15.0);
    }

    @Test
    void rejectsANonPositivePeriod() {
        assertThatThrownBy(() -> new Ema(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("period");
    }

    @Test
    void rejectsANonFiniteInput() {
        assertThatThrownBy(() -> new Ema(3).update(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * The EMA written out as a weighted sum rather than a recurrence: the SMA seed at index
     * {@code period - 1} weighted by {@code (1 - alpha)^k}, plus every later input weighted by
     * {@code alpha * (1 - alpha)^age}. Quadratic, and independent of the incremental code path.
     */
    private static double[] closedForm(double[] x, int period) {
        double alpha = 2.0 / (period + 1);
        double seed = 0;
        for (int j = 0; j < period; j++) {
            seed += x[j];
        }
        seed /= period;
        double[] out = new double[x.length];
        for (int i = period - 1; i < x.length; i++) {
            double value = Math.pow(1 - alpha, i - (period - 1)) * seed;
            for (int j = period; j <= i; j++) {
                value += alpha * Math.pow(1 - alpha, i - j) * x[j];
            }
            out[i] = value;
        }
        return out;
    }
}
