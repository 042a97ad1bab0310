package com.quantdesk.core.indicator;

import static com.quantdesk.core.testing.Generators.spreadLongs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ta4j.core.BarSeries;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;

class BollingerTest {

    @Test
    void firstBandsUsePopulationStandardDeviationAtIndexPeriodMinusOne() {
        Bollinger bands = new Bollinger(3, 2.0);

        bands.update(10);
        bands.update(12);
        assertThat(bands.isReady()).isFalse();
        assertThat(bands.middle()).isNaN();
        assertThat(bands.stdDev()).isNaN();
        assertThat(bands.upper()).isNaN();
        assertThat(bands.lower()).isNaN();
        bands.update(11);

        assertThat(bands.isReady()).isTrue();
        assertThat(bands.middle()).isEqualTo(11.0);
        assertThat(bands.stdDev()).isEqualTo(Math.sqrt(2.0 / 3)); // deviations 1, 1, 0 over n = 3
        assertThat(bands.upper()).isEqualTo(11.0 + 2 * Math.sqrt(2.0 / 3));
        assertThat(bands.lower()).isEqualTo(11.0 - 2 * Math.sqrt(2.0 / 3));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 20, 200})
    void firstValueIsAtIndexPeriodMinusOne(int period) {
        Bollinger bands = new Bollinger(period, 2.0);
        double[] closes = SyntheticBar.closes(SyntheticBar.randomWalk(6, period + 5));

        for (int i = 0; i < closes.length; i++) {
            bands.update(closes[i]);
            assertThat(Double.isNaN(bands.middle())).as("index %d", i).isEqualTo(i < period - 1);
            assertThat(Double.isNaN(bands.stdDev())).as("index %d", i).isEqualTo(i < period - 1);
        }
    }

    @Test
    void periodOneHasZeroWidth() {
        Bollinger bands = new Bollinger(1, 2.0);

        bands.update(105);

        assertThat(bands.stdDev()).isZero();
        assertThat(bands.upper()).isEqualTo(105.0);
        assertThat(bands.lower()).isEqualTo(105.0);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 5, 20, 100})
    void matchesAnExactReferenceOnALongRandomWalk(int period) {
        double[] closes = SyntheticBar.closes(SyntheticBar.randomWalk(51, 5_000));
        assertMatchesExactReference(closes, period, 2.0);
    }

    @Test
    void staysExactAtAHighPriceLevelWithASpreadOfAFewPaise() {
        // Around 10^9 paise the squares exceed 2^53, so raw sums of squares would round by more
        // than the variance of a window that moves a paisa or two per bar.
        SplittableRandom random = new SplittableRandom(52);
        double[] closes = new double[5_000];
        long price = 1_000_000_000L;
        for (int i = 0; i < closes.length; i++) {
            price += random.nextLong(-2, 3);
            closes[i] = price;
        }
        assertMatchesExactReference(closes, 20, 2.0);
    }

    @Test
    void staysExactAfterThePriceDriftsFarFromWhereItStarted() {
        // A hundredfold rise and then quiet trading: the bands must not remember the starting level.
        SplittableRandom random = new SplittableRandom(53);
        double[] closes = new double[6_000];
        double price = 100_000;
        for (int i = 0; i < 5_000; i++) {
            price *= 1.001;
            closes[i] = Math.rint(price + random.nextLong(-50, 51));
        }
        for (int i = 5_000; i < closes.length; i++) {
            closes[i] = closes[4_999] + random.nextLong(-1, 2);
        }
        assertMatchesExactReference(closes, 50, 2.5);
    }

    @Test
    void aFlatWindowHasExactlyZeroWidthAfterAVolatileStretch() {
        Bollinger bands = new Bollinger(20, 2.0);
        List<SyntheticBar> bars = SyntheticBar.randomWalk(54, 1_000);
        for (SyntheticBar bar : bars) {
            bands.update(bar.close());
        }
        double last = bars.get(bars.size() - 1).close();

        for (int i = 0; i < 20; i++) {
            bands.update(last);
        }

        assertThat(bands.stdDev()).isZero();
        assertThat(bands.upper()).isEqualTo(last);
        assertThat(bands.lower()).isEqualTo(last);
    }

    @Test
    void recoversExactZeroWidthOnceAJumpBeyondTheExactRangeHasLeftTheWindow() {
        // From about ₹1,000 to ₹12 lakh in one bar: while both levels share the window its sum of
        // squares exceeds 2^53 and rounds.
        Bollinger bands = new Bollinger(20, 2.0);
        for (SyntheticBar bar : SyntheticBar.randomWalk(54, 1_000)) {
            bands.update(bar.close());
        }

        for (int i = 0; i < 20; i++) {
            bands.update(123_456_789);
        }

        assertThat(bands.stdDev()).isZero();
        assertThat(bands.upper()).isEqualTo(123_456_789.0);
    }

    @Test
    void staysExactAroundBadTicksFarOutsideTheExactRange() {
        double[] closes = SyntheticBar.closes(SyntheticBar.randomWalk(56, 3_000));
        closes[500] = 1e12; // a price in paise with a few zeros too many
        closes[1_000] = 1;
        closes[1_001] = 5e13;
        closes[2_000] = 7e11;
        assertMatchesExactReference(closes, 20, 2.0);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 20, 60})
    void matchesTa4jOnALongRandomWalk(int period) {
        List<SyntheticBar> bars = SyntheticBar.randomWalk(55, 5_000);
        BarSeries series = Ta4jSeries.of(bars);
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        BollingerBandsMiddleIndicator middle = new BollingerBandsMiddleIndicator(new SMAIndicator(close, period));
        StandardDeviationIndicator deviation = new StandardDeviationIndicator(close, period);
        BollingerBandsUpperIndicator upper =
                new BollingerBandsUpperIndicator(middle, deviation, series.numFactory().numOf(2));
        BollingerBandsLowerIndicator lower =
                new BollingerBandsLowerIndicator(middle, deviation, series.numFactory().numOf(2));
        Bollinger bands = new Bollinger(period, 2.0);

        for (int i = 0; i < bars.size(); i++) {
            bands.update(bars.get(i).close());
            // ta4j reports partial windows before index period - 1; TA-Lib (and we) do not.
            if (i >= period - 1) {
                assertClose(bands.middle(), Ta4jSeries.at(middle, i), i);
                assertClose(bands.stdDev(), Ta4jSeries.at(deviation, i), i);
                assertClose(bands.upper(), Ta4jSeries.at(upper, i), i);
                assertClose(bands.lower(), Ta4jSeries.at(lower, i), i);
            }
        }
    }

    @Test
    void middleEqualsTheSmaBitForBit() {
        qt().withExamples(1_000)
                .forAll(integers().between(1, 30), lists().of(spreadLongs(1, 100_000_000L)).ofSizeBetween(0, 150))
                .checkAssert(BollingerTest::middleIsTheSma);
    }

    private static void middleIsTheSma(int period, List<Long> inputs) {
        Bollinger bands = new Bollinger(period, 2.0);
        Sma sma = new Sma(period);

        for (long x : inputs) {
            bands.update(x);
            double expected = sma.update(x);
            // Compared as bits, so that NaN before the window fills counts as equal too.
            assertThat(Double.doubleToRawLongBits(bands.middle())).isEqualTo(Double.doubleToRawLongBits(expected));
        }
    }

    @Test
    void resetForgetsTheWindowAndTheAnchor() {
        Bollinger bands = new Bollinger(2, 1.0);
        bands.update(1_000_000);
        bands.update(3_000_000);

        bands.reset();

        assertThat(bands.count()).isZero();
        assertThat(bands.isReady()).isFalse();
        bands.update(10);
        bands.update(14);
        assertThat(bands.middle()).isEqualTo(12.0);
        assertThat(bands.stdDev()).isEqualTo(2.0);
        assertThat(bands.upper()).isEqualTo(14.0);
    }

    @Test
    void rejectsInvalidParametersNamingThem() {
        assertThatThrownBy(() -> new Bollinger(0, 2.0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("period");
        assertThatThrownBy(() -> new Bollinger(20, -1.0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k");
        assertThatThrownBy(() -> new Bollinger(20, Double.NaN)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k");
        assertThatThrownBy(() -> new Bollinger(20, Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k");
    }

    private static void assertClose(double actual, double expected, int index) {
        assertThat(actual).as("index %d", index).isCloseTo(expected, Tolerance.relative(expected));
    }

    /**
     * Compares every band with one computed from the whole window in exact decimal arithmetic
     * (the inputs are whole paise), to 1e-12 relative: only the final division and square root
     * round, so a correct implementation is within a few ulps.
     */
    private static void assertMatchesExactReference(double[] closes, int period, double k) {
        Bollinger bands = new Bollinger(period, k);
        for (int i = 0; i < closes.length; i++) {
            bands.update(closes[i]);
            if (i < period - 1) {
                continue;
            }
            BigDecimal sum = BigDecimal.ZERO;
            BigDecimal sumOfSquares = BigDecimal.ZERO;
            for (int j = i - period + 1; j <= i; j++) {
                BigDecimal x = BigDecimal.valueOf((long) closes[j]);
                sum = sum.add(x);
                sumOfSquares = sumOfSquares.add(x.multiply(x));
            }
            BigDecimal n = BigDecimal.valueOf(period);
            BigDecimal variance = n.multiply(sumOfSquares).subtract(sum.multiply(sum))
                    .divide(n.multiply(n), MathContext.DECIMAL128);
            double middle = sum.divide(n, MathContext.DECIMAL128).doubleValue();
            double stdDev = variance.sqrt(MathContext.DECIMAL128).doubleValue();

            assertThat(bands.middle()).as("middle at %d", i).isCloseTo(middle, within(1e-12 * Math.abs(middle)));
            assertThat(bands.stdDev()).as("stdDev at %d", i).isCloseTo(stdDev, within(1e-12 * stdDev));
            double upper = middle + k * stdDev;
            double lower = middle - k * stdDev;
            assertThat(bands.upper()).as("upper at %d", i).isCloseTo(upper, within(1e-12 * Math.abs(upper)));
            assertThat(bands.lower()).as("lower at %d", i).isCloseTo(lower, within(1e-12 * Math.abs(lower)));
        }
    }
}
