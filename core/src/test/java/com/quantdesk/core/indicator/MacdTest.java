package com.quantdesk.core.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.averages.EMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.numeric.NumericIndicator;

class MacdTest {

    @Test
    void seedsTheSignalWithTheMeanOfTheFirstMacdValues() {
        Macd macd = new Macd(2, 3, 2);

        macd.update(10);
        macd.update(12);
        assertThat(macd.macd()).isNaN();
        macd.update(11); // fast EMA 11, slow EMA 11 (seed)
        assertThat(macd.macd()).isEqualTo(0.0);
        assertThat(macd.isReady()).isFalse();
        assertThat(macd.signal()).isNaN();
        assertThat(macd.histogram()).isNaN();
        macd.update(15); // fast 41/3, slow 13
        assertThat(macd.isReady()).isTrue();
        assertThat(macd.macd()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(macd.signal()).isCloseTo(1.0 / 3, within(1e-12)); // mean of 0 and 2/3
        macd.update(14); // fast 125/9, slow 27/2
        assertThat(macd.macd()).isCloseTo(7.0 / 18, within(1e-12));
        assertThat(macd.signal()).isCloseTo(10.0 / 27, within(1e-12));
        assertThat(macd.histogram()).isCloseTo(1.0 / 54, within(1e-12));
    }

    @ParameterizedTest
    @CsvSource({"12, 26, 9", "1, 2, 1", "3, 10, 5", "5, 6, 20"})
    void macdLineStartsAtSlowMinusOneAndSignalAtSlowPlusSignalMinusTwo(int fast, int slow, int signal) {
        Macd macd = new Macd(fast, slow, signal);
        double[] closes = SyntheticBar.closes(SyntheticBar.randomWalk(4, slow + signal + 5));

        for (int i = 0; i < closes.length; i++) {
            macd.update(closes[i]);
            assertThat(Double.isNaN(macd.macd())).as("macd at %d", i).isEqualTo(i < slow - 1);
            boolean signalDefined = i >= slow + signal - 2;
            assertThat(macd.isReady()).as("ready at %d", i).isEqualTo(signalDefined);
            assertThat(Double.isNaN(macd.signal())).as("signal at %d", i).isEqualTo(!signalDefined);
            assertThat(Double.isNaN(macd.histogram())).as("histogram at %d", i).isEqualTo(!signalDefined);
        }
    }

    @ParameterizedTest
    @CsvSource({"12, 26, 9", "2, 3, 2", "5, 35, 5"})
    void matchesANaiveTaLibSeededReferenceOnALongRandomWalk(int fast, int slow, int signal) {
        double[] closes = SyntheticBar.closes(SyntheticBar.randomWalk(41, 5_000));
        double[] fastEma = ema(closes, 0, fast);
        double[] slowEma = ema(closes, 0, slow);
        double[] line = new double[closes.length];
        Arrays.fill(line, Double.NaN);
        for (int i = slow - 1; i < closes.length; i++) {
            line[i] = fastEma[i] - slowEma[i];
        }
        double[] signalLine = ema(line, slow - 1, signal);
        Macd macd = new Macd(fast, slow, signal);

        for (int i = 0; i < closes.length; i++) {
            macd.update(closes[i]);
            if (i >= slow + signal - 2) {
                assertThat(macd.macd()).as("macd at %d", i).isCloseTo(line[i], Tolerance.relative(line[i]));
                assertThat(macd.signal()).as("signal at %d", i)
                        .isCloseTo(signalLine[i], Tolerance.relative(signalLine[i]));
                double histogram = line[i] - signalLine[i];
                assertThat(macd.histogram()).as("histogram at %d", i)
                        .isCloseTo(histogram, Tolerance.relative(histogram));
            }
        }
    }

    @Test
    void convergesToTa4jOnceItsDifferentSeedsHaveDecayed() {
        // ta4j 0.21 builds MACD from its own EMAs, which are seeded with a single close rather
        // than an SMA; each seed gap shrinks geometrically, below 1e-13 of the price after
        // 20 * (period + 1) bars, so compare only after both EMA stages have settled.
        int fast = 12;
        int slow = 26;
        int signal = 9;
        List<SyntheticBar> bars = SyntheticBar.randomWalk(42, 5_000);
        MACDIndicator reference = new MACDIndicator(new ClosePriceIndicator(Ta4jSeries.of(bars)), fast, slow);
        NumericIndicator referenceHistogram = reference.getHistogram(signal);
        EMAIndicator referenceSignal = reference.getSignalLine(signal);
        Macd macd = new Macd(fast, slow, signal);
        int decayed = slow + signal + 20 * (slow + 1) + 20 * (signal + 1);

        for (int i = 0; i < bars.size(); i++) {
            macd.update(bars.get(i).close());
            if (i >= decayed) {
                double expectedMacd = Ta4jSeries.at(reference, i);
                double expectedSignal = Ta4jSeries.at(referenceSignal, i);
                double expectedHistogram = Ta4jSeries.at(referenceHistogram, i);
                assertThat(macd.macd()).as("macd at %d", i).isCloseTo(expectedMacd, Tolerance.relative(expectedMacd));
                assertThat(macd.signal()).as("signal at %d", i)
                        .isCloseTo(expectedSignal, Tolerance.relative(expectedSignal));
                assertThat(macd.histogram()).as("histogram at %d", i)
                        .isCloseTo(expectedHistogram, Tolerance.relative(expectedHistogram));
            }
        }
    }

    @Test
    void resetForgetsAllThreeAverages() {
        Macd macd = new Macd(1, 2, 1);
        macd.update(100);
        macd.update(200);
        assertThat(macd.isReady()).isTrue();

        macd.reset();

        assertThat(macd.count()).isZero();
        assertThat(macd.isReady()).isFalse();
        assertThat(macd.macd()).isNaN();
        macd.update(10);
        macd.update(20); // fast 20, slow 15
        assertThat(macd.macd()).isEqualTo(5.0);
        assertThat(macd.signal()).isEqualTo(5.0);
    }

    @Test
    void rejectsInvalidPeriodsNamingTheParameter() {
        assertThatThrownBy(() -> new Macd(0, 26, 9)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fast");
        assertThatThrownBy(() -> new Macd(12, 12, 9)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("slow");
        assertThatThrownBy(() -> new Macd(26, 12, 9)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("slow");
        assertThatThrownBy(() -> new Macd(12, 26, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("signal");
    }

    /**
     * A TA-Lib-seeded EMA of {@code x} whose inputs start at index {@code from}: NaN before
     * {@code from + period - 1}, the SMA of the first {@code period} inputs there.
     */
    private static double[] ema(double[] x, int from, int period) {
        double[] out = new double[x.length];
        Arrays.fill(out, Double.NaN);
        double alpha = 2.0 / (period + 1);
        double seed = 0;
        for (int i = from; i < from + period; i++) {
            seed += x[i];
        }
        out[from + period - 1] = seed / period;
        for (int i = from + period; i < x.length; i++) {
            out[i] = out[i - 1] + alpha * (x[i] - out[i - 1]);
        }
        return out;
    }
}
