package com.quantdesk.core.indicator;

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
import org.ta4j.core.indicators.donchian.DonchianChannelLowerIndicator;
import org.ta4j.core.indicators.donchian.DonchianChannelMiddleIndicator;
import org.ta4j.core.indicators.donchian.DonchianChannelUpperIndicator;

class DonchianTest {

    @Test
    void channelIncludesTheCurrentBarAndIsReadyAfterPeriodBars() {
        Donchian channel = new Donchian(3);

        channel.update(12, 9);
        channel.update(14, 10);
        assertThat(channel.isReady()).isFalse();
        assertThat(channel.upper()).isNaN();
        assertThat(channel.lower()).isNaN();
        assertThat(channel.middle()).isNaN();

        channel.update(13, 11);
        assertThat(channel.isReady()).isTrue();
        assertThat(channel.upper()).isEqualTo(14.0);
        assertThat(channel.lower()).isEqualTo(9.0);
        assertThat(channel.middle()).isEqualTo(11.5);

        channel.update(20, 12); // the new bar's high counts at once; the 9 low has left the window
        assertThat(channel.upper()).isEqualTo(20.0);
        assertThat(channel.lower()).isEqualTo(10.0);
    }

    @Test
    void previousChannelIsReadBeforeFeedingTheBreakoutBar() {
        Donchian channel = new Donchian(2);
        channel.update(100, 90);
        channel.update(105, 95);

        double previousUpper = channel.upper();
        channel.update(110, 104);

        assertThat(previousUpper).isEqualTo(105.0); // the breakout is judged against this
        assertThat(channel.upper()).isEqualTo(110.0);
    }

    @Test
    void evictsTheOldestExtremeEvenWhenLaterBarsTie() {
        Donchian channel = new Donchian(2);

        channel.update(10, 5);
        channel.update(10, 5);
        channel.update(8, 6);
        assertThat(channel.upper()).isEqualTo(10.0);
        assertThat(channel.lower()).isEqualTo(5.0);

        channel.update(7, 7);
        assertThat(channel.upper()).isEqualTo(8.0);
        assertThat(channel.lower()).isEqualTo(6.0);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 20, 55})
    void matchesTa4jOnALongRandomWalk(int period) {
        List<SyntheticBar> bars = SyntheticBar.randomWalk(71, 5_000);
        BarSeries series = Ta4jSeries.of(bars);
        DonchianChannelUpperIndicator upper = new DonchianChannelUpperIndicator(series, period);
        DonchianChannelLowerIndicator lower = new DonchianChannelLowerIndicator(series, period);
        DonchianChannelMiddleIndicator middle = new DonchianChannelMiddleIndicator(series, period);
        Donchian channel = new Donchian(period);

        for (int i = 0; i < bars.size(); i++) {
            channel.update(bars.get(i).high(), bars.get(i).low());
            assertThat(channel.isReady()).as("index %d", i).isEqualTo(i >= period - 1);
            // ta4j reports a channel over the partial window before index period - 1; we do not.
            if (channel.isReady()) {
                assertThat(channel.upper()).as("upper at %d", i).isEqualTo(Ta4jSeries.at(upper, i));
                assertThat(channel.lower()).as("lower at %d", i).isEqualTo(Ta4jSeries.at(lower, i));
                double expectedMiddle = Ta4jSeries.at(middle, i);
                assertThat(channel.middle()).as("middle at %d", i)
                        .isCloseTo(expectedMiddle, Tolerance.relative(expectedMiddle));
            }
        }
    }

    @Test
    void equalsTheNaiveMaximumAndMinimumOfTheWindow() {
        qt().withExamples(1_000)
                .forAll(integers().between(1, 30),
                        lists().of(integers().between(0, 50)).ofSizeBetween(0, 300).map(ArrayList::new),
                        integers().between(0, 20))
                .checkAssert(DonchianTest::equalsTheNaiveChannel);
    }

    private static void equalsTheNaiveChannel(int period, List<Integer> highs, int spread) {
        // Small value ranges make ties frequent, which is where a monotonic deque goes wrong.
        Donchian channel = new Donchian(period);

        for (int i = 0; i < highs.size(); i++) {
            channel.update(highs.get(i), highs.get(i) - spread * (i % 3));
            if (i < period - 1) {
                assertThat(channel.isReady()).isFalse();
                continue;
            }
            double max = Double.NEGATIVE_INFINITY;
            double min = Double.POSITIVE_INFINITY;
            for (int j = i - period + 1; j <= i; j++) {
                max = Math.max(max, highs.get(j));
                min = Math.min(min, highs.get(j) - spread * (j % 3));
            }
            assertThat(channel.upper()).isEqualTo(max);
            assertThat(channel.lower()).isEqualTo(min);
            assertThat(channel.middle()).isEqualTo((max + min) / 2);
        }
    }

    @Test
    void resetForgetsTheWindow() {
        Donchian channel = new Donchian(2);
        channel.update(1_000, 1);
        channel.update(1_000, 1);

        channel.reset();

        assertThat(channel.count()).isZero();
        assertThat(channel.isReady()).isFalse();
        channel.update(20, 10);
        channel.update(21, 11);
        assertThat(channel.upper()).isEqualTo(21.0);
        assertThat(channel.lower()).isEqualTo(10.0);
    }

    @Test
    void rejectsInvalidInputs() {
        assertThatThrownBy(() -> new Donchian(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("period");
        assertThatThrownBy(() -> new Donchian(5).update(Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("high");
    }
}
