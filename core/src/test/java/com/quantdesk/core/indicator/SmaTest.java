package com.quantdesk.core.indicator;

import static com.quantdesk.core.testing.Generators.spreadLongs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ta4j.core.BarSeries;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;

class SmaTest {

    @Test
    void firstValueAppearsAtIndexPeriodMinusOneAndIsTheMeanOfTheFirstInputs() {
        Sma sma = new Sma(3);

        assertThat(sma.update(10)).isNaN();
        assertThat(sma.update(12)).isNaN();
        assertThat(sma.isReady()).isFalse();
        assertThat(sma.update(11)).isEqualTo(11.0);
        assertThat(sma.isReady()).isTrue();
        assertThat(sma.update(15)).isEqualTo(38.0 / 3);
        assertThat(sma.sum()).isEqualTo(38.0);
        assertThat(sma.count()).isEqualTo(4);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5, 20, 200})
    void firstNonNanValueIsAtIndexPeriodMinusOne(int period) {
        Sma sma = new Sma(period);
        double[] closes = SyntheticBar.closes(SyntheticBar.randomWalk(1, period + 5));

        int first = -1;
        for (int i = 0; i < closes.length && first < 0; i++) {
            if (!Double.isNaN(sma.update(closes[i]))) {
                first = i;
            }
        }

        assertThat(first).isEqualTo(period - 1);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 14, 50})
    void matchesTa4jOnALongRandomWalk(int period) {
        List<SyntheticBar> bars = SyntheticBar.randomWalk(42, 5_000);
        BarSeries series = Ta4jSeries.of(bars);
        SMAIndicator reference = new SMAIndicator(new ClosePriceIndicator(series), period);
        Sma sma = new Sma(period);

        for (int i = 0; i < bars.size(); i++) {
            double value = sma.update(bars.get(i).close());
            // ta4j averages a partial window before index period - 1; TA-Lib (and we) report NaN.
            if (i >= period - 1) {
                double expected = Ta4jSeries.at(reference, i);
                assertThat(value).as("index %d", i).isCloseTo(expected, Tolerance.relative(expected));
            }
        }
    }

    @Test
    void sumIsExactOverALongIntegerRandomWalk() {
        int period = 20;
        double[] closes = SyntheticBar.closes(SyntheticBar.randomWalk(7, 5_000));
        Sma sma = new Sma(period);

        for (int i = 0; i < closes.length; i++) {
            sma.update(closes[i]);
            long exact = 0;
            for (int j = Math.max(0, i - period + 1); j <= i; j++) {
                exact += (long) closes[j];
            }
            assertThat(sma.sum()).as("index %d", i).isEqualTo((double) exact);
        }
    }

    @Test
    void sumEqualsTheExactSumOfTheLastPeriodIntegerInputs() {
        qt().withExamples(1_000)
                .forAll(integers().between(1, 40), lists().of(spreadLongs(-10_000_000_000L, 10_000_000_000L))
                        .ofSizeBetween(0, 200).map(ArrayList::new))
                .checkAssert(SmaTest::sumIsExact);
    }

    private static void sumIsExact(int period, List<Long> inputs) {
        Sma sma = new Sma(period);

        for (int i = 0; i < inputs.size(); i++) {
            sma.update(inputs.get(i));
            long exact = 0;
            for (int j = Math.max(0, i - period + 1); j <= i; j++) {
                exact += inputs.get(j);
            }
            assertThat(sma.sum()).isEqualTo((double) exact);
        }
    }

    @Test
    void resetForgetsEverything() {
        Sma sma = new Sma(2);
        sma.update(100);
        sma.update(200);

        sma.reset();

        assertThat(sma.count()).isZero();
        assertThat(sma.isReady()).isFalse();
        assertThat(sma.value()).isNaN();
        assertThat(sma.sum()).isZero();
        assertThat(sma.update(7)).isNaN();
        assertThat(sma.update(9)).isEqualTo(8.0);
    }

    @Test
    void rejectsANonPositivePeriod() {
        assertThatThrownBy(() -> new Sma(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("period");
        assertThatThrownBy(() -> new Sma(-3)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("period");
    }

    @Test
    void rejectsANonFiniteInput() {
        Sma sma = new Sma(3);

        assertThatThrownBy(() -> sma.update(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sma.update(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
        assertThat(sma.count()).isZero();
    }
}
